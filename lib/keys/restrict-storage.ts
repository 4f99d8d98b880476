/**
 * Chromium can hide `storage.local` from content scripts. Firefox has no such switch, which is
 * why the vault encrypts anyway; this is the second wall where the browser offers one.
 */
interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

export async function restrictStorageToTrustedContexts(area: unknown): Promise<boolean> {
  const candidate = area as AccessLevelArea | undefined;
  if (typeof candidate?.setAccessLevel !== 'function') return false;
  try {
    await candidate.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}
