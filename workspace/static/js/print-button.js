// Buttons marked data-print open the browser's print dialog (no inline onclick: the
// Content-Security-Policy forbids inline scripts).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
