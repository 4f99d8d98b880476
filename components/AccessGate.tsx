import { i18n } from '#i18n';
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
      <h2 id="access-heading">{i18n.t('access.heading')}</h2>
      <p>{i18n.t('access.body', { host: new URL(baseUrl).host })}</p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => void requestHostAccess(permissions, baseUrl).then(setGranted)}
        >
          {i18n.t('access.grant')}
        </button>
      </div>
    </section>
  );
}
