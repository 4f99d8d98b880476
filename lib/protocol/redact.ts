/**
 * Removes secrets from text that is about to be logged or answered. Secrets shorter than 8
 * characters are ignored: redacting them would mangle ordinary words.
 */
export function createRedactor(secrets: () => Iterable<string | undefined>): (text: string) => string {
  return (text) => {
    let result = text;
    for (const secret of secrets()) {
      if (secret && secret.length >= 8) result = result.split(secret).join('[redacted]');
    }
    // Bearer tokens are secrets whoever's they are.
    return result.replace(/Bearer\s+[^\s"',]+/gi, 'Bearer [redacted]');
  };
}
