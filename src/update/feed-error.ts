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
