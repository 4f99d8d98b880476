import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { hasHostAccess, type PermissionsApi, requestHostAccess } from '../lib/pairing/host-access';

interface AccessGateProps {
  permissions?: PermissionsApi;
  baseUrl?: string;
  children: ComponentChildren;
}

/** Shows its children when the extension may reach Anytype, else a way to grant that access. */
export function AccessGate({ permissions, baseUrl, children }: AccessGateProps) {
  const [granted, setGranted] = useState<boolean | undefined>(permissions ? undefined : true);
  useEffect(() => {
    if (!permissions || !baseUrl) return;
    void hasHostAccess(permissions, baseUrl).then(setGranted);
  }, [permissions, baseUrl]);

  if (granted !== false || !permissions || !baseUrl) return <>{children}</>;
  return (
    <section aria-labelledby="access-heading">
      <h2 id="access-heading">Allow access to Anytype</h2>
      <p>
        Clip to Anytype needs your permission to reach Anytype on this computer ({new URL(baseUrl).host}). Nothing else is
        asked for.
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => void requestHostAccess(permissions, baseUrl).then(setGranted)}
        >
          Grant access
        </button>
      </div>
    </section>
  );
}
