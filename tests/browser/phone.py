"""A phone in Chromium (390×844, touch) and what "fits a phone" means, for the members' pages.

- Nothing scrolls sideways: ``document.documentElement.scrollWidth`` is not wider than the screen.
- Every visible interactive target in the main content is at least 44×44 px (WCAG 2.5.5): links,
  buttons, form controls, a <details>' summary. A checkbox or radio button counts with its label,
  which toggles it. Exempt (the standard's "inline" exception): a link inside running text, i.e. a
  link laid out inline whose block (paragraph, list item, cell…) holds words outside any control.
  Not counted: what is not rendered (folded <details>, display: none) and visually hidden text.
"""

PHONE = {"width": 390, "height": 844}
MIN_TARGET = 44

# Returns {"scrollWidth", "innerWidth", "wide": [...], "small": [...]}: what is too wide, what is too small.
MEASURE = """(minimum) => {
  const root = document.documentElement;
  const describe = (el) => {
    const text = (el.getAttribute("aria-label") || el.textContent || el.name || "").replace(/\\s+/g, " ").trim();
    return `<${el.tagName.toLowerCase()}${el.type ? " type=" + el.type : ""}> « ${text.slice(0, 40)} »`;
  };
  const wide = [];
  if (root.scrollWidth > innerWidth) {
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.right > innerWidth + 0.5 && el.checkVisibility()) {
        wide.push(`${describe(el)} ends at ${Math.round(box.right)} px`);
      }
    }
  }
  const hasWords = (text) => /[\\p{L}\\p{N}]/u.test(text);
  const inRunningText = (el) => {
    if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    const words = block.cloneNode(true);
    words.querySelectorAll("a, button, input, select, textarea, summary, .visually-hidden").forEach((n) => n.remove());
    return hasWords(words.textContent);
  };
  const small = [];
  const targets = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]";
  for (const el of document.querySelector("main").querySelectorAll(targets)) {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const own = el.getBoundingClientRect();
    if (own.width <= 1 && own.height <= 1) continue;  // visually hidden
    if (inRunningText(el)) continue;
    const boxes = [own];
    if (el.type === "checkbox" || el.type === "radio") {
      boxes.push(...[...el.labels].map((label) => label.getBoundingClientRect()));
    }
    if (!boxes.some((box) => box.width >= minimum && box.height >= minimum)) {
      const best = boxes.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
      small.push(`${describe(el)} ${Math.round(best.width)}×${Math.round(best.height)} px`);
    }
  }
  return { scrollWidth: root.scrollWidth, innerWidth, wide: wide.slice(0, 5), small };
}"""


def phone_page(chromium, live_server, **options):
    """A new page in a phone-sized, touch-enabled context (its own cookies)."""
    context = chromium.new_context(locale="fr-FR", base_url=live_server.url, viewport=PHONE, has_touch=True, **options)
    context.set_default_timeout(15_000)
    return context.new_page()


def fit_problems(page):
    """What does not fit a phone on the page shown, in words; [] when it fits."""
    result = page.evaluate(MEASURE, MIN_TARGET)
    problems = []
    if result["scrollWidth"] > PHONE["width"]:
        problems.append(f"défilement horizontal : {result['scrollWidth']} px de large ({'; '.join(result['wide'])})")
    problems += [f"cible trop petite : {target}" for target in result["small"]]
    return problems
