import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { errorResponse } from './errorResponse.ts';
import { HttpProblem } from './problem.ts';
import { routeKey, routes, type Route } from './routes.ts';

export type RouteHandler = (event: APIGatewayProxyEventV2, route: Route) => Promise<APIGatewayProxyStructuredResultV2>;

const routesByKey = new Map(routes.map((route) => [routeKey(route), route]));

/** One Lambda serves several routes: dispatch on API Gateway's routeKey, answer every failure as a problem. */
export const createHttpHandler =
  (handlers: Record<string, RouteHandler>) =>
  async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    try {
      const route = routesByKey.get(event.routeKey);
      const handle = handlers[event.routeKey];
      if (!route || !handle) throw new HttpProblem(404, 'no-such-route', `no route ${event.routeKey}`);
      return await handle(event, route);
    } catch (error) {
      return errorResponse(error);
    }
  };
