// The key vault, the network layer and the error mapping, measured with their own tests only
// (vitest.stryker.network.config.ts says why): `npx stryker run stryker.network.config.mjs`.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: [
    'lib/keys/*.ts',
    'lib/anytype/transport.ts',
    'lib/anytype/ids.ts',
    'lib/anytype/errors.ts',
    'lib/anytype/http-errors.ts',
    'lib/network/*.ts',
  ],
  vitest: { ...base.vitest, configFile: 'vitest.stryker.network.config.ts' },
};
