// The header's menu folds behind a "Menu" button on a small screen (the breakpoint is site.css's).
// Without this script, or if it fails before the end, the button stays hidden and the menu open.
(() => {
  const button = document.querySelector(".menu-toggle");
  const menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) return;
  const small = window.matchMedia("(max-width: 47.99rem)");
  const setOpen = (open) => {
    button.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("is-folded", !open);
  };
  button.addEventListener("click", () => setOpen(button.getAttribute("aria-expanded") !== "true"));
  // Escape closes the open menu and gives the focus back to its button, from a link of the menu
  // or from the button itself (just pressed to open it).
  const closeOnEscape = (event) => {
    if (event.key === "Escape" && small.matches && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  };
  menu.addEventListener("keydown", closeOnEscape);
  button.addEventListener("keydown", closeOnEscape);
  // A wide screen shows the whole menu; a small one starts folded.
  const fit = () => setOpen(!small.matches);
  small.addEventListener("change", fit);
  button.hidden = false;
  fit();
})();
