import { i18n } from '#i18n';
import { useDocumentLang } from '../document-lang';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  type ClipSettingsState,
  createClipSettingsController,
} from '../../lib/options/clip-settings-controller';
import { type ConnectionsState, createConnectionsController } from '../../lib/options/connections-controller';
import type { HostAccess } from '../../lib/pairing/host-access';
import { exportFileName, exportSettingsText } from '../../lib/options/settings-transfer';
import type { BackgroundClient } from '../../lib/protocol/client';
import { Alert } from '../Alert';
import { BackupSection } from './BackupSection';
import { ConnectionsSection } from './ConnectionsSection';
import { DefaultsSection } from './DefaultsSection';
import { SiteRulesSection } from './SiteRulesSection';
import { QueueList, type QueueListProps } from '../queue/QueueList';

export interface OptionsDeps {
  background: BackgroundClient;
  hostAccess: HostAccess;
  /** Offers a file to the person (a download in the page). */
  download(name: string, text: string): void;
  newId?(): string;
  /** The queue list's clipboard, timers, destination names and live changes; absent: no queue section. */
  queue?: Omit<QueueListProps, 'deps'> & { deps: Omit<QueueListProps['deps'], 'background' | 'download'> };
}

export function OptionsApp({ deps }: { deps: OptionsDeps }) {
  useDocumentLang(i18n.t('options.title'));
  const [connections, setConnections] = useState<ConnectionsState>({ loading: true, connections: [], busy: false });
  const [clip, setClip] = useState<ClipSettingsState>();
  const connectionsController = useMemo(() => createConnectionsController(deps, setConnections), [deps]);
  const clipController = useMemo(() => createClipSettingsController(deps, setClip), [deps]);
  useEffect(() => {
    void connectionsController.load();
    void clipController.load();
  }, [connectionsController, clipController]);
  // The pickers list what the active connection sees: reload them when it, or its key, changes.
  const active = connections.connections.find((c) => c.active);
  const activeKey = active ? `${active.id} ${active.baseUrl} ${active.hasKey}` : '';
  useEffect(() => {
    if (activeKey) void clipController.loadLists();
  }, [activeKey, clipController]);

  // One object for the page's life: a new one each render would make a new list controller and drop the Undo offers.
  const queueDeps = useMemo(
    () => deps.queue && { ...deps.queue.deps, background: deps.background, download: deps.download },
    [deps.queue, deps.background, deps.download],
  );

  return (
    <main class="options">
      <header>
        <h1>{i18n.t('options.title')}</h1>
      </header>
      {deps.queue && queueDeps && (
        <QueueList
          deps={queueDeps}
          names={deps.queue.names}
          changes={deps.queue.changes}
        />
      )}
      <ConnectionsSection state={connections} controller={connectionsController} />
      {clip && (
        <>
          <DefaultsSection state={clip} controller={clipController} />
          <SiteRulesSection state={clip} controller={clipController} download={deps.download} />
          <p role="status" class="note">
            {clip.info ?? ''}
          </p>
          <Alert message={clip.error} />
        </>
      )}
      <BackupSection
        background={deps.background}
        exportSettings={async () => deps.download(exportFileName(), await exportSettingsText(deps.background))}
        onImported={(imported) => {
          connectionsController.adopt(imported.connections);
          clipController.adopt(imported.clip);
        }}
      />
    </main>
  );
}
