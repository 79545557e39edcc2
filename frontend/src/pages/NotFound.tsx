import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../components/ui";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t("notFound.title")}
      action={
        <Link to="/" className="btn btn-primary">
          {t("notFound.home")}
        </Link>
      }
    >
      {t("notFound.body")}
    </EmptyState>
  );
}
