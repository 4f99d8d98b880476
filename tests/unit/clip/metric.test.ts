import {
  bootstrapF1Std,
  pageCounts,
  pagePrecision,
  pageRecall,
  score,
  shingles,
  tokenize,
} from '../../../bench/lib/metric';

describe('benchmark metric', () => {
  it('tokenizes Unicode word runs like Python \\w+, keeping case', () => {
    expect(tokenize('Ça va? naïve_x 42, Добрый день! 東京')).toEqual(['Ça', 'va', 'naïve_x', '42', 'Добрый', 'день', '東京']);
  });

  it('counts 4-token shingles with multiplicity', () => {
    // a b c d a b c d → abcd, bcda, cdab, dabc, abcd: 5 shingles, abcd twice
    const s = shingles('a b c d a b c d');
    expect([...s.values()].reduce((x, y) => x + y, 0)).toBe(5);
    expect(s.get(['a', 'b', 'c', 'd'].join('\u0001'))).toBe(2);
    expect(shingles('only three tokens').size).toBe(0);
  });

  it('normalises TP/FP/FN per page', () => {
    // truth: 1 2 3 4 5 → {1234, 2345}; prediction: 1 2 3 4 x → {1234, 234x}
    // TP 1, FP 1, FN 1 → each 1/3
    const c = pageCounts('1 2 3 4 5', '1 2 3 4 x');
    expect(c.tp).toBeCloseTo(1 / 3);
    expect(c.fp).toBeCloseTo(1 / 3);
    expect(c.fn).toBeCloseTo(1 / 3);
    expect(pagePrecision(c)).toBeCloseTo(0.5);
    expect(pageRecall(c)).toBeCloseTo(0.5);
  });

  it('scores a perfect page 1 and an empty prediction as recall 0, excluded from precision', () => {
    expect(score([pageCounts('a b c d e', 'a b c d e')])).toEqual({ precision: 1, recall: 1, f1: 1 });
    const empty = pageCounts('a b c d e', '');
    expect(pagePrecision(empty)).toBeUndefined();
    expect(pageRecall(empty)).toBe(0);
  });

  it('averages precision and recall over pages, then takes the harmonic mean', () => {
    // page 1: truth a b c d e f (3 shingles), prediction a b c d e (2) → TP 2, FN 1 → P 1, R 2/3
    // page 2: truth p q r s, prediction p q r s t u (3) → TP 1, FP 2 → P 1/3, R 1
    // page 3: empty prediction → only recall 0
    const pages = [pageCounts('a b c d e f', 'a b c d e'), pageCounts('p q r s', 'p q r s t u'), pageCounts('w x y z', '')];
    const s = score(pages);
    expect(s.precision).toBeCloseTo((1 + 1 / 3) / 2);
    expect(s.recall).toBeCloseTo((2 / 3 + 1 + 0) / 3);
    expect(s.f1).toBeCloseTo((2 * (2 / 3) * (5 / 9)) / (2 / 3 + 5 / 9));
  });

  it('gives a reproducible bootstrap spread, 0 for identical pages', () => {
    const same = [pageCounts('a b c d e', 'a b c d e'), pageCounts('a b c d e', 'a b c d e')];
    expect(bootstrapF1Std(same, 50, 1)).toBe(0);
    const mixed = [pageCounts('a b c d e f', 'a b c d e'), pageCounts('p q r s', 'x y z w v')];
    expect(bootstrapF1Std(mixed, 200, 7)).toBe(bootstrapF1Std(mixed, 200, 7));
    expect(bootstrapF1Std(mixed, 200, 7)).toBeGreaterThan(0);
  });
});
