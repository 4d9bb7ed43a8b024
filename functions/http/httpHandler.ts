import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { errorResponse } from './errorResponse.ts';
import { HttpProblem } from './problem.ts';
import { routeKey, routes, type ApiFunction, type Route, type RouteKeyOf } from './routes.ts';

export type RouteHandler = (event: APIGatewayProxyEventV2, route: Route) => Promise<APIGatewayProxyStructuredResultV2>;

/** A function's handlers, one per route the route table gives it: a missing or unknown key does not compile. */
export type RouteHandlers<F extends ApiFunction> = Record<RouteKeyOf<F>, RouteHandler>;

/** One Lambda serves several routes: dispatch on API Gateway's routeKey, answer every failure as a problem. */
export const createHttpHandler = <F extends ApiFunction>(apiFunction: F, handlers: RouteHandlers<F>) => {
  const served = new Map<string, { route: Route; handle: RouteHandler }>(
    routes
      .filter((route) => route.function === apiFunction)
      .map((route) => [routeKey(route), { route, handle: handlers[routeKey(route) as RouteKeyOf<F>] }]),
  );
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    try {
      const match = served.get(event.routeKey);
      if (!match) throw new HttpProblem(404, 'no-such-route', `no route ${event.routeKey}`);
      return await match.handle(event, match.route);
    } catch (error) {
      return errorResponse(error);
    }
  };
};
