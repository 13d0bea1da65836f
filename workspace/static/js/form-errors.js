// A form sent back with mistakes opens on its summary (#form-errors: accounts/includes/form_errors.html,
// the activity grid's): a keyboard or screen-reader user starts from it, not from the top of the page.
// Its autofocus attribute does it without this script, but browsers skip autofocus when the address
// has a fragment (#contenu after the skip link, #titre-repondre after a reply) and focus its target
// instead, once the page is loaded: the summary takes the focus back then, unless the user moved it.
// Centred on the screen, as autofocus leaves it, whichever comes first.
(() => {
  const summary = document.getElementById("form-errors");
  if (!summary) return;
  const focus = () => {
    summary.focus({ preventScroll: true });
    summary.scrollIntoView({ block: "center" });
  };
  const untouched = () =>
    [document.body, document.documentElement, document.querySelector("main")].includes(document.activeElement);
  focus();
  window.addEventListener("load", () => {
    if (untouched()) focus();
  });
})();
