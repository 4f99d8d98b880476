/** Every operation the sandbox implements, by operationId; the rest answer 500 "not implemented". */
import { authRoutes } from './auth';
import type { RouteTable } from './context';
import { listRoutes } from './lists';
import { objectRoutes } from './objects';
import { schemaRoutes } from './schema';
import { searchRoutes } from './search';
import { spaceRoutes } from './spaces';

export const ROUTES: RouteTable = {
  ...authRoutes,
  ...spaceRoutes,
  ...schemaRoutes,
  ...objectRoutes,
  ...searchRoutes,
  ...listRoutes,
};
