/**
 * Formulas as TeX. Pages carry their formulas' source beside the rendering: MathJax v2 in
 * `<script type="math/tex">`, MathJax v3 in the assistive MathML of `<mjx-container>`, KaTeX in an
 * `<annotation encoding="application/x-tex">`, and plain MathML as itself (written out as TeX
 * here). The rendering (glyph spans, SVG) is never the text: read, it is each symbol twice.
 *
 * `markMath` runs on the extraction copy before it is pruned (copy.ts drops scripts, SVG and
 * MathML): each formula becomes one `<span data-clip-tex>` holding its TeX as text, which the
 * extractors keep like any words and markdown.ts writes as `$…$` or `$$…$$`.
 */

export const TEX_ATTR = 'data-clip-tex';

export interface Formula {
  tex: string;
  display: boolean;
}

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const MO_TEX: Record<string, string> = {
  '×': '\\times', '·': '\\cdot', '÷': '\\div', '±': '\\pm', '∓': '\\mp', '≤': '\\le', '≥': '\\ge', '≠': '\\ne',
  '≈': '\\approx', '→': '\\to', '←': '\\leftarrow', '⇒': '\\Rightarrow', '∞': '\\infty', '∑': '\\sum', '∏': '\\prod',
  '∫': '\\int', '∂': '\\partial', '∇': '\\nabla', '∈': '\\in', '∉': '\\notin', '⊂': '\\subset', '⊆': '\\subseteq',
  '∪': '\\cup', '∩': '\\cap', '∀': '\\forall', '∃': '\\exists', '¬': '\\neg', '∧': '\\land', '∨': '\\lor', '−': '-',
  '⋅': '\\cdot', '∘': '\\circ', '≡': '\\equiv', '∼': '\\sim', '…': '\\ldots', '⋯': '\\cdots', '{': '\\{', '}': '\\}',
};

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ι: 'iota', κ: 'kappa',
  λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi',
  ψ: 'psi', ω: 'omega',
};
// TeX has capital commands only for the Greek capitals that differ from Latin ones; each is its small letter's name, capitalised.
for (const capital of 'ΓΔΘΛΞΠΣΦΨΩ') {
  const name = GREEK[capital.toLowerCase()] ?? '';
  GREEK[capital] = name.charAt(0).toUpperCase() + name.slice(1);
}

function symbol(raw: string): string {
  return [...raw]
    .map((c) => MO_TEX[c] ?? (GREEK[c] ? `\\${GREEK[c]}` : c))
    .join(' ')
    .replace(/\\(\w+) (?=\w)/g, '\\$1 ');
}

/** A group: one token as it is, several in braces. */
function group(tex: string): string {
  return /^(?:[\p{L}\p{N}]|\\[a-zA-Z]+)$/u.test(tex) ? tex : `{${tex}}`;
}

/** Presentation MathML → TeX, for the elements formulas are made of; anything else gives its children. */
export function mathmlToTex(el: Element): string {
  const kids = Array.from(el.children);
  const arg = (i: number) => (kids[i] ? mathmlToTex(kids[i]) : '');
  switch (el.localName) {
    case 'mi':
    case 'mn':
    case 'mo':
      return symbol(text(el));
    case 'mtext':
      return `\\text{${text(el).replace(/[{}\\]/g, '')}}`;
    case 'msup':
      return `${group(arg(0))}^${group(arg(1))}`;
    case 'msub':
      return `${group(arg(0))}_${group(arg(1))}`;
    case 'msubsup':
      return `${group(arg(0))}_${group(arg(1))}^${group(arg(2))}`;
    case 'munder':
      return `${group(arg(0))}_${group(arg(1))}`;
    case 'mover':
      return `${group(arg(0))}^${group(arg(1))}`;
    case 'munderover':
      return `${group(arg(0))}_${group(arg(1))}^${group(arg(2))}`;
    case 'mfrac':
      return `\\frac{${arg(0)}}{${arg(1)}}`;
    case 'msqrt':
      return `\\sqrt{${kids.map(mathmlToTex).join(' ')}}`;
    case 'mroot':
      return `\\sqrt[${arg(1)}]{${arg(0)}}`;
    case 'mfenced':
      return `\\left${el.getAttribute('open') ?? '('}${kids.map(mathmlToTex).join(', ')}\\right${el.getAttribute('close') ?? ')'}`;
    case 'mtable':
      return `\\begin{matrix}${kids.map(mathmlToTex).join(' \\\\ ')}\\end{matrix}`;
    case 'mtr':
      return kids.map(mathmlToTex).join(' & ');
    case 'annotation':
    case 'annotation-xml':
      return '';
    case 'semantics':
      return arg(0);
    default:
      return kids.map(mathmlToTex).filter(Boolean).join(' ');
  }
}

/** The TeX a `<math>` element declares, else its MathML written as TeX. */
function fromMathml(math: Element): string {
  const annotation = Array.from(math.querySelectorAll('annotation')).find((a) => /^(?:application\/x-tex|text\/x-latex|tex)$/i.test(a.getAttribute('encoding') ?? ''));
  return (annotation ? text(annotation) : mathmlToTex(math)).replace(/\s+/g, ' ').trim();
}

/** The formula an element stands for, when it is one of the shapes above. */
export function formulaOf(el: Element): Formula | undefined {
  const tag = el.localName;
  const cls = ` ${el.getAttribute('class') ?? ''} `;
  if (tag === 'script') {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (!type.startsWith('math/tex')) return undefined;
    return { tex: (el.textContent ?? '').trim(), display: type.includes('mode=display') };
  }
  if (tag === 'mjx-container') {
    const math = el.querySelector('math');
    if (!math) return undefined;
    return { tex: fromMathml(math), display: el.getAttribute('display') === 'true' || math.getAttribute('display') === 'block' };
  }
  if (cls.includes(' katex-display ') || cls.includes(' katex ')) {
    const math = el.querySelector('math');
    if (!math) return undefined;
    return { tex: fromMathml(math), display: cls.includes(' katex-display ') || !!el.closest('.katex-display') };
  }
  if (tag === 'math') return { tex: fromMathml(el), display: el.getAttribute('display') === 'block' };
  if (el.hasAttribute(TEX_ATTR)) return { tex: text(el), display: el.getAttribute(TEX_ATTR) === 'display' };
  return undefined;
}

/** MathJax v2's renderings beside its script: they are the glyphs, the script is the source. */
const MATHJAX_RENDERING = /(?:^|\s)(?:MathJax(?:_Preview|_Display|_SVG|_SVG_Display|_CHTML)?|MJXc-display)(?:\s|$)/;

const SOURCES = 'script[type^="math/tex" i], mjx-container, .katex-display, .katex, math';

/** Replaces every formula under `root` by a marked span holding its TeX (see the top of this file). */
export function markMath(root: Element): void {
  const doc = root.ownerDocument;
  for (const el of Array.from(root.querySelectorAll(SOURCES))) {
    // Inside a formula already replaced (a KaTeX span's MathML, a container's assistive copy).
    if (!root.contains(el)) continue;
    if (el.localName === 'math' && el.parentElement?.closest('mjx-container, .katex')) continue;
    if (el.classList.contains('katex') && el.parentElement?.closest('.katex-display')) continue;
    const formula = formulaOf(el);
    if (!formula) continue;
    if (el.localName === 'script') {
      for (let prev = el.previousElementSibling; prev && MATHJAX_RENDERING.test(prev.getAttribute('class') ?? ''); prev = el.previousElementSibling) prev.remove();
    }
    if (!formula.tex) {
      el.remove();
      continue;
    }
    const span = doc.createElement('span');
    span.setAttribute(TEX_ATTR, formula.display ? 'display' : 'inline');
    span.textContent = formula.tex;
    el.replaceWith(span);
  }
}

/**
 * TeX as markdown that stays text whatever reads it: no `<` or `>` (a reader that knows no math
 * would see HTML there; `\lt` and `\gt` are the same symbols in TeX), no "$" that would end the
 * formula, no entity, no blank line; display formulas on lines of their own.
 */
export function texMarkdown({ tex, display }: Formula): string {
  const safe = tex
    .replace(/\r\n?|\n/g, ' ')
    .replace(/</g, '\\lt ')
    .replace(/>/g, '\\gt ')
    .replace(/(?<!\\)\$/g, '\\$')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '& ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!safe) return '';
  return display ? `\n\n$$\n${safe}\n$$\n\n` : `$${safe}$`;
}
