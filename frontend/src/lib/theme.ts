// Light and dark themes: CSS variables (styles.css) chosen by the system
// unless the user picked one, remembered in localStorage.
import { useCallback, useEffect, useState } from "react";

export type ThemeChoice = "system" | "light" | "dark";
const key = "woow.theme";

function read(): ThemeChoice {
  try {
    const v = localStorage.getItem(key);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system";
  }
}

function apply(choice: ThemeChoice) {
  const root = document.documentElement;
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
}

// Every useTheme (the user menu, the settings page, other tabs) follows a
// change made by any of them.
const changed = "woow-theme-change";

export function useTheme(): [ThemeChoice, (t: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(read);
  useEffect(() => apply(choice), [choice]);
  useEffect(() => {
    const sync = () => setChoice(read());
    window.addEventListener(changed, sync);
    window.addEventListener("storage", sync);
    return () => {
      window.removeEventListener(changed, sync);
      window.removeEventListener("storage", sync);
    };
  }, []);
  const set = useCallback((t: ThemeChoice) => {
    try {
      if (t === "system") localStorage.removeItem(key);
      else localStorage.setItem(key, t);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setChoice(t);
    window.dispatchEvent(new Event(changed));
  }, []);
  return [choice, set];
}
