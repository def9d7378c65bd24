// Project list order: the one definition in shared/model/order.ts (the server sorts the same way;
// the client keeps the order stable as rows change).
export { sortProjects, type ProjectSort as Sort } from '../shared/model/order';
