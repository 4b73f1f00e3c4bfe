/** Why a feed could not be used; `code` selects the user-facing text in _locales. */
export type FeedErrorCode =
  | 'http'
  | 'network'
  | 'timeout'
  | 'tooLarge'
  | 'html'
  | 'binary'
  | 'encoding'
  | 'empty'
  | 'noRules'
  | 'shrunk'
  | 'storage';

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

/** A download that would shrink a list by more than 90 %: held back, the user decides. */
export class ShrinkError extends FeedError {
  constructor(
    readonly before: number,
    readonly after: number,
  ) {
    super('shrunk', `The list shrank from ${before} to ${after} entries; the old one is kept`);
    this.name = 'ShrinkError';
  }
}
