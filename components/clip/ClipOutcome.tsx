import type { MessageOutput } from '../../lib/protocol/messages';

type Existing = NonNullable<MessageOutput<'clip.existing'>>;
type Result = MessageOutput<'clip.submit'>;

export function ExistingNotice({ existing }: { existing: Existing }) {
  return (
    <p class="note existing">
      Already clipped to this space as “{existing.name || 'Untitled'}”.{' '}
      <a href={existing.openUrl} target="_blank" rel="noreferrer">
        Open the existing clip
      </a>
    </p>
  );
}

export function SaveResult({ result }: { result: Result }) {
  if (result.state === 'done') {
    return (
      <p role="status" class="connected">
        Saved{' '}
        {result.openUrl && (
          <a href={result.openUrl} target="_blank" rel="noreferrer">
            Open in Anytype
          </a>
        )}
      </p>
    );
  }
  if (result.state === 'queued') {
    return (
      <p role="status" class="note">
        Queued: {result.message}
      </p>
    );
  }
  return (
    <p role="alert" class="alert">
      Not saved: {result.message}
    </p>
  );
}
