/**
 * A stated-assumption standard uncertainty for a published value that comes without one:
 * the rounding of the published figure (half a unit of its last digit, a rectangular distribution:
 * u = (0.5·10^−d)/√3, JCGM 100:2008 §F.2.2.1) combined in quadrature with a relative component `relative`
 * standing for sampling and modelling error the publisher does not state (JCGM 100 §5.1.2).
 * The caller records the assumption on the dataset: it is labelled as such, not presented as the source's.
 * @param written the value as written in the file (its decimals give the rounding)
 * @param value the parsed value
 * @param relative the relative standard uncertainty assumed (e.g. 0.02 for 2 %)
 */
export function assumedUncertainty(written: string, value: number, relative: number): number {
  const m = /\.(\d+)/.exec(written.trim().replace(/[eE].*$/, ""));
  const decimals = m ? m[1]!.length : 0;
  const uRound = (0.5 * 10 ** -decimals) / Math.sqrt(3);
  return Math.sqrt(uRound ** 2 + (relative * value) ** 2);
}

/** The sentence a dataset note carries when {@link assumedUncertainty} was used. */
export function assumedUncertaintyNote(relative: number): string {
  return (
    `Standard uncertainties are an ASSUMPTION, not the source's: the rounding of each published value ` +
    `(half its last digit, rectangular) combined with ${(relative * 100).toFixed(1)} % of the value for ` +
    `unstated sampling and modelling error.`
  );
}
