// Applies the saved theme before the app's first paint (no flash of the
// wrong theme). A file, not an inline script, so the CSP needs no exception.
try {
  var t = localStorage.getItem("woow.theme");
  if (t === "light" || t === "dark") document.documentElement.dataset.theme = t;
} catch (e) {}
