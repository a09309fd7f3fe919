// MathJax 3 settings; MathJax itself is served with the site (javascripts/mathjax/, copied at
// build time from the django-static-mathjax wheel by docs/_build/hooks.py). Only the
// formulas written by pymdownx.arithmatex are typeset, and the navigation, whose table of
// contents repeats headings that hold mathematics.
window.MathJax = {
  tex: { inlineMath: [["\\(", "\\)"]], displayMath: [["\\[", "\\]"]], processEscapes: true },
  options: { ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex|md-nav__link|md-ellipsis" },
};
