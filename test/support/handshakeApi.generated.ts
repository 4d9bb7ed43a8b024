/*
 * Generated from the OpenAPI document by openapi-typescript: `npm run contract:types`. Do not edit;
 * test/http/typedClient.test.ts fails when this is not what the served document generates.
 */
export interface paths {
    "/v1/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a deal with its promise
         * @description Sales closes a deal with its promise (what, by when, for how much). Under published rules of engagement the close is checked first: a proposal beyond what sales may commit alone needs an approved escalation.
         */
        post: operations["closeDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/handoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand the deal off to operations
         * @description Sales hands the deal off to operations, with the handoff checklist.
         */
        post: operations["handOffDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/handoff-return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Return the handoff to sales, naming what it lacks
         * @description Operations sends the handoff back, naming what it lacks; sales hands it off again before anything is delivered.
         */
        post: operations["returnHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/scope-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a change order
         * @description A change order: the new scope becomes "as sold" from now on.
         */
        post: operations["changeDealScope"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/promise-revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revise the deliver-by date
         * @description A new deliver-by date: a customer-initiated revision moves "on time"; one by sales or ops does not.
         */
        post: operations["reviseDealPromise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/delivery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the delivery
         * @description Operations records the delivery; the deal's outcome (on time, as sold, promise kept) follows.
         */
        post: operations["deliverDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel the deal (or refund it after delivery)
         * @description Cancels the deal; after delivery a cancellation is a refund, out of the delivery rates.
         */
        post: operations["cancelDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forecasts/{month}/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Submit a seller's forecast for a month (the seller, or an admin)
         * @description A seller's forecast of the revenue they will close in a month. Every forecast is kept; the month's call is the latest made before the month starts (business time zone).
         */
        put: operations["submitForecast"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A deal: status, promise, outcome and timeline
         * @description The deal as it stands: status, promise, outcome, NPS and its whole timeline. Its version is the ETag deal commands take in If-Match.
         */
        get: operations["getDeal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scorecards/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A month's joint sales-ops scorecard for the organisation, a team or a person */
        get: operations["getScorecard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scorecards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scorecards for a range of months (a trend) */
        get: operations["getScorecardTrend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/nps/delighted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delighted's webhook (X-Delighted-Webhook-Signature)
         * @description Delighted posts each NPS answer here, signed with the shared secret in X-Delighted-Webhook-Signature: HMAC-SHA256 over the exact body bytes. One answer is one provider response id: a resend with a later update replaces it, a replay changes nothing.
         */
        post: operations["receiveDelightedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/nps/typeform": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Typeform's webhook (Typeform-Signature)
         * @description Typeform posts each NPS answer here, signed with the shared secret in Typeform-Signature: HMAC-SHA256 over the exact body bytes. One answer is one provider response id: a resend with a later update replaces it, a replay changes nothing.
         */
        post: operations["receiveTypeformWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/nps/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import NPS answers in bulk (the CSV import uses this)
         * @description Imports up to 500 answers; each is checked on its own, so one bad answer never drops the others.
         */
        post: operations["importNpsResponses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/nps/unattributed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** NPS answers that name no known deal, waiting for attribution */
        get: operations["listUnattributedNps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incentive-plans/{planId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Publish an incentive plan version (immutable once published)
         * @description Publishes a plan version. Versions are immutable: the same version again with the same content answers 200, with other content 409.
         */
        put: operations["publishIncentivePlan"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incentive-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every published plan version */
        get: operations["listIncentivePlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A month's pool and statements: a live preview while open, frozen once closed
         * @description A live preview while the month is open, frozen once it is closed. Sales and ops people see only their own statement.
         */
        get: operations["getPayout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/months/{month}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a month: freeze its statements and issue its reports
         * @description Freezes the month's statements (with corrections of earlier closed months) and issues its reports. Closing again answers with the first close.
         */
        post: operations["closeMonth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Links to a closed month's JSON report, payroll CSV and HTML report */
        get: operations["getReportLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{month}/json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A closed month's report as JSON
         * @description the JSON report: the payout, how it was computed, and the organisation's scorecards of the year
         */
        get: operations["getJsonReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{month}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A closed month's payroll CSV
         * @description the payroll CSV: person_id,side,month,amount,currency, amounts in the currency's major units; an attachment named payroll-<month>.csv
         */
        get: operations["getPayrollCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{month}/html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A closed month's HTML report, with its trend charts
         * @description the HTML report, with inline SVG trend charts
         */
        get: operations["getHtmlReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalog/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Publish a new version of what a unit of a SKU costs operations */
        put: operations["publishCatalogueEntry"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue in force: the latest version of every SKU */
        get: operations["getCatalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/capacity/{opsTeam}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An ops team's load: capacity, scheduled minutes and commitments per week */
        get: operations["getLoad"];
        /** Publish a new version of an ops team's hours */
        put: operations["publishCapacity"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promise-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Can we promise this by then? A capable-to-promise check and its verdict; nothing is stored
         * @description Can we promise this by then? The proposal is a close as POST /v1/deals takes it; nothing is stored.
         */
        post: operations["checkPromise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules-of-engagement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rules of engagement in force */
        get: operations["getRulesOfEngagement"];
        /** Publish a version of the rules of engagement (immutable once published) */
        put: operations["publishRulesOfEngagement"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Escalations by status, with level and due time */
        get: operations["listEscalations"];
        put?: never;
        /** Escalate a proposal beyond what sales may commit alone */
        post: operations["openEscalation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/escalations/{escalationId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or reject an escalation (the role must reach its level as it stands) */
        post: operations["decideEscalation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/escalations/{escalationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An escalation as it stands */
        get: operations["getEscalation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/briefs/{week}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A week's brief, as JSON */
        get: operations["getWeeklyBrief"];
        put?: never;
        /**
         * Publish an ended week's brief (the schedule does it every Monday); a second run answers the first brief
         * @description Publishes an ended week's brief (the schedule does it every Monday at 06:00): stored as JSON and HTML, then announced on the bus.
         */
        post: operations["publishWeeklyBrief"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/briefs/{week}/html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A week's brief, as the HTML page it was published as */
        get: operations["getWeeklyBriefHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API as an OpenAPI 3.1 document */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Cancellation: {
            reason: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            at: string;
        };
        Capacity: {
            /**
             * @description hours in an ordinary week, at most 3 decimals
             * @example 40
             */
            weeklyHours: number;
            /**
             * @description hours of particular weeks (holidays, overtime), by ISO week
             * @default {}
             * @example {
             *       "2026-W52": 8
             *     }
             */
            weeks: {
                [key: string]: number;
            };
            /**
             * @description percent of the hours held back
             * @default 0
             * @example 10
             */
            reservePercent: number;
        };
        CapacityPublished: {
            opsTeam: string;
            version: number;
        };
        Catalogue: {
            items: {
                sku: string;
                description: string;
                opsTeam: string;
                /**
                 * @description minutes of the ops team per unit, at most 3 decimals
                 * @example 0.5
                 */
                minutesPerUnit: number;
                version: number;
            }[];
        };
        CatalogueEntry: {
            sku: string;
            description: string;
            opsTeam: string;
            /**
             * @description minutes of the ops team per unit, at most 3 decimals
             * @example 0.5
             */
            minutesPerUnit: number;
        };
        CatalogueEntryPublished: {
            sku: string;
            version: number;
        };
        CloseDeal: {
            /** @example D-1001 */
            dealId: string;
            customer: {
                id: string;
                name: string;
            };
            seller: {
                id: string;
            };
            salesTeam: string;
            value: {
                /** @description integer minor units (cents for USD) */
                amount: number;
                /**
                 * @description ISO 4217 currency code
                 * @example USD
                 */
                currency: string;
            };
            scope: {
                sku: string;
                description?: string;
                quantity: number;
            }[];
            promise: {
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                deliverBy: string;
            };
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            closedAt: string;
            /** @example E-1 */
            escalationId?: string;
        };
        ClosedMonth: {
            /** @example 2026-10 */
            month: string;
            plan: {
                planId: string;
                version: number;
            } | null;
            pool: {
                /** @description integer minor units; negative for a clawback */
                amount: number;
                /**
                 * @description ISO 4217 currency code
                 * @example USD
                 */
                currency: string;
            };
            computation: {
                delivered: number;
                kept: number;
                promiseKeptRate: number | null;
                gatePassed: boolean;
                basePool: {
                    /** @description integer minor units; negative for a clawback */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
                npsResponses: number;
                nps: number | null;
                multiplierBps: number;
                salesPool: {
                    /** @description integer minor units; negative for a clawback */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
                opsPool: {
                    /** @description integer minor units; negative for a clawback */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
            };
            statements: {
                personId: string;
                /** @enum {string} */
                side: "sales" | "ops";
                total: {
                    /** @description integer minor units; negative for a clawback */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
                lines: {
                    /** @enum {string} */
                    kind: "earned" | "adjustment" | "clawback";
                    /** @example 2026-10 */
                    month: string;
                    dealIds: string[];
                    amount: {
                        /** @description integer minor units; negative for a clawback */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    /** @enum {string} */
                    rule: "allocation" | "gate" | "promise-broken" | "currency" | "cap" | "no-plan" | "correction";
                    explanation: string;
                }[];
            }[];
            /** @enum {string} */
            status: "open" | "closed";
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            closedAt?: string;
            /** @description null while the reports of a closed month are still to be issued */
            reports: {
                json: {
                    href: string;
                    key: string;
                };
                payrollCsv: {
                    href: string;
                    key: string;
                };
                html: {
                    href: string;
                    key: string;
                };
            } | null;
        };
        CommandAccepted: {
            dealId: string;
            version: number;
        };
        DealView: {
            dealId: string;
            version: number;
            /** @enum {string} */
            status: "closed" | "handed-off" | "handoff-returned" | "delivered" | "cancelled";
            promise: {
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                deliverBy: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                originalDeliverBy: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                plannedDeliverBy: string;
            };
            outcome: {
                onTime: boolean;
                asSold: boolean;
                promiseKept: boolean;
                lateByHours: number;
            } | null;
            nps: {
                score: number;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                respondedAt: string;
            } | null;
            value: {
                /** @description integer minor units (cents for USD) */
                amount: number;
                /**
                 * @description ISO 4217 currency code
                 * @example USD
                 */
                currency: string;
            };
            engagement: {
                /** @enum {string} */
                class: "within-rules" | "approved" | "outside-rules";
                /**
                 * @description 0..3, or "off-the-table"
                 * @example 1
                 */
                level: (0 | 1 | 2 | 3) | "off-the-table";
                rules: string[];
                rulesVersion: number | null;
                /** @example E-1 */
                escalationId?: string;
            } | null;
            events: {
                /** Format: uuid */
                eventId: string;
                /** @enum {string} */
                type: "DealClosed" | "HandoffCompleted" | "HandoffReturned" | "ScopeChanged" | "PromiseRevised" | "DeliveryCompleted" | "DealCancelled" | "NpsResponseRecorded";
                version: number;
                dealVersion: number;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                occurredAt: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                recordedAt: string;
                actor: {
                    id: string;
                    /** @default [] */
                    roles: ("admin" | "leadership" | "sales" | "ops")[];
                };
                data: {
                    [key: string]: unknown;
                };
            }[];
        } & {
            [key: string]: unknown;
        };
        DelightedWebhookBody: {
            /** @enum {string} */
            event_type: "survey_response.created" | "survey_response.updated";
            event_id?: string;
            event_data: {
                id: string | number;
                person?: {
                    id?: (string | number) | null;
                    email?: string | null;
                    name?: string | null;
                } | null;
                survey_type?: string | null;
                score: number;
                comment?: string | null;
                created_at: number;
                updated_at?: number | null;
                person_properties?: {
                    deal_id?: (string | number) | null;
                } | null;
            };
        } | {
            event_type: string;
            event_data?: unknown;
        };
        Delivery: {
            deliveredBy: {
                id: string;
            };
            scope: {
                sku: string;
                description?: string;
                quantity: number;
            }[];
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            at: string;
        };
        Escalation: {
            escalationId: string;
            dealId: string;
            /** @enum {string} */
            status: "open" | "approved" | "rejected";
            /** @enum {number} */
            level: 1 | 2 | 3;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            dueBy: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            openedAt: string;
            check: components["schemas"]["PromiseCheckAnswer"];
            proposal: {
                /** @example D-1001 */
                dealId: string;
                customer: {
                    id: string;
                    name: string;
                };
                seller: {
                    id: string;
                };
                salesTeam: string;
                value: {
                    /** @description integer minor units (cents for USD) */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
                scope: {
                    sku: string;
                    description?: string;
                    quantity: number;
                }[];
                promise: {
                    /**
                     * Format: date-time
                     * @description ISO 8601 instant with offset
                     * @example 2026-10-20T17:00:00Z
                     */
                    deliverBy: string;
                };
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                closedAt: string;
                /** @example E-1 */
                escalationId?: string;
            };
            decision: {
                by: {
                    id: string;
                    /** @default [] */
                    roles: ("admin" | "leadership" | "sales" | "ops")[];
                };
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                at: string;
                /** @enum {string} */
                decision: "approved" | "rejected";
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                deliverBy?: string;
                note: string;
            } | null;
        };
        EscalationDecision: {
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            at: string;
            /** @enum {string} */
            decision: "approved" | "rejected";
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            deliverBy?: string;
            note: string;
        };
        Escalations: {
            items: components["schemas"]["Escalation"][];
        };
        Forecast: {
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            at: string;
            commit: {
                /** @description integer minor units (cents for USD) */
                amount: number;
                /**
                 * @description ISO 4217 currency code
                 * @example USD
                 */
                currency: string;
            };
        };
        ForecastRecorded: {
            personId: string;
            /** @example 2026-10 */
            month: string;
            version: number;
        };
        HandOff: {
            opsOwner: {
                id: string;
            };
            opsTeam: string;
            checklist: {
                scopeDocumented: boolean;
                deliveryDateConfirmed: boolean;
                customerContact: boolean;
                specialTerms: boolean;
            };
            notes?: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            at: string;
        };
        HandoffReturn: {
            gaps: ("scopeDocumented" | "deliveryDateConfirmed" | "customerContact" | "specialTerms" | "other")[];
            note?: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            at: string;
        };
        IncentivePlan: {
            planId: string;
            version: number;
            /** @example 2026-10 */
            effectiveFrom: string;
            /**
             * @description ISO 4217 currency code
             * @example USD
             */
            currency: string;
            poolRateBps: number;
            graceMinutes: number;
            gates: {
                minPromiseKeptRate: number;
            };
            nps: {
                minResponses: number;
                bands: {
                    minScore: number;
                    /** @description 10000 is neutral, 12000 adds a fifth */
                    multiplierBps: number;
                }[];
            };
            split: {
                salesBps: number;
                opsBps: number;
            };
            capPerPerson?: {
                /** @description integer minor units (cents for USD) */
                amount: number;
                /**
                 * @description ISO 4217 currency code
                 * @example USD
                 */
                currency: string;
            };
        };
        IncentivePlans: {
            plans: components["schemas"]["IncentivePlan"][];
        };
        IncentiveReport: {
            /** @example 2026-10 */
            month: string;
            timeZone: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            issuedAt: string;
            /**
             * @description ISO 4217 currency code
             * @example USD
             */
            currency: string;
            payout: {
                /** @example 2026-10 */
                month: string;
                plan: {
                    planId: string;
                    version: number;
                } | null;
                pool: {
                    /** @description integer minor units; negative for a clawback */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
                computation: {
                    delivered: number;
                    kept: number;
                    promiseKeptRate: number | null;
                    gatePassed: boolean;
                    basePool: {
                        /** @description integer minor units; negative for a clawback */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    npsResponses: number;
                    nps: number | null;
                    multiplierBps: number;
                    salesPool: {
                        /** @description integer minor units; negative for a clawback */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    opsPool: {
                        /** @description integer minor units; negative for a clawback */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                };
                statements: {
                    personId: string;
                    /** @enum {string} */
                    side: "sales" | "ops";
                    total: {
                        /** @description integer minor units; negative for a clawback */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    lines: {
                        /** @enum {string} */
                        kind: "earned" | "adjustment" | "clawback";
                        /** @example 2026-10 */
                        month: string;
                        dealIds: string[];
                        amount: {
                            /** @description integer minor units; negative for a clawback */
                            amount: number;
                            /**
                             * @description ISO 4217 currency code
                             * @example USD
                             */
                            currency: string;
                        };
                        /** @enum {string} */
                        rule: "allocation" | "gate" | "promise-broken" | "currency" | "cap" | "no-plan" | "correction";
                        explanation: string;
                    }[];
                }[];
            };
            scorecard: {
                /** @example 2026-10 */
                month: string;
                /** @constant */
                dimension: "org";
                deals: {
                    closed: number;
                    revenueClosed: {
                        /** @description integer minor units (cents for USD) */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    cancelled: number;
                };
                delivery: {
                    delivered: number;
                    onTime: number;
                    asSold: number;
                    promiseKept: number;
                    onTimeRate: number | null;
                    asSoldRate: number | null;
                    promiseKeptRate: number | null;
                };
                handoff: {
                    count: number;
                    averageCompleteness: number | null;
                    medianHoursToHandoff: number | null;
                    returned: number;
                    firstTimeRight: number | null;
                };
                nps: {
                    responses: number;
                    promoters: number;
                    passives: number;
                    detractors: number;
                    score: number | null;
                };
                openCommitments: {
                    count: number;
                    dueNext30Days: number;
                    value: {
                        /** @description integer minor units (cents for USD) */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                };
                engagement: {
                    withinRules: number;
                    approved: number;
                    outsideRules: number;
                    promiseKeptRate: {
                        withinRules: number | null;
                        approved: number | null;
                        outsideRules: number | null;
                    };
                    escalations: {
                        opened: number;
                        approved: number;
                        rejected: number;
                        raised: number;
                        decidedByOwner: number;
                        medianHoursToDecision: number | null;
                    };
                };
            };
            trend: {
                /** @example 2026-10 */
                month: string;
                /** @constant */
                dimension: "org";
                deals: {
                    closed: number;
                    revenueClosed: {
                        /** @description integer minor units (cents for USD) */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    cancelled: number;
                };
                delivery: {
                    delivered: number;
                    onTime: number;
                    asSold: number;
                    promiseKept: number;
                    onTimeRate: number | null;
                    asSoldRate: number | null;
                    promiseKeptRate: number | null;
                };
                handoff: {
                    count: number;
                    averageCompleteness: number | null;
                    medianHoursToHandoff: number | null;
                    returned: number;
                    firstTimeRight: number | null;
                };
                nps: {
                    responses: number;
                    promoters: number;
                    passives: number;
                    detractors: number;
                    score: number | null;
                };
                openCommitments: {
                    count: number;
                    dueNext30Days: number;
                    value: {
                        /** @description integer minor units (cents for USD) */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                };
                engagement: {
                    withinRules: number;
                    approved: number;
                    outsideRules: number;
                    promiseKeptRate: {
                        withinRules: number | null;
                        approved: number | null;
                        outsideRules: number | null;
                    };
                    escalations: {
                        opened: number;
                        approved: number;
                        rejected: number;
                        raised: number;
                        decidedByOwner: number;
                        medianHoursToDecision: number | null;
                    };
                };
            }[];
            thresholds: {
                poolRateBps: number;
                gate: {
                    minPromiseKeptRate: number;
                    promiseKeptRate: number | null;
                    passed: boolean;
                };
                nps: {
                    minResponses: number;
                    responses: number;
                    counted: boolean;
                };
                salesShareBps: number;
            } | null;
            change: {
                /** @example 2026-10 */
                previousMonth: string;
                dealsClosed: number;
                revenueClosed: {
                    amount: number;
                    currency: string;
                };
                delivered: number;
                promiseKeptRate: number | null;
                nps: number | null;
                npsResponses: number;
            };
            teams: {
                sales: {
                    team: string;
                    /** @enum {string} */
                    side: "sales" | "ops";
                    scorecard: {
                        /** @example 2026-10 */
                        month: string;
                        dimension: string;
                        deals: {
                            closed: number;
                            revenueClosed: {
                                /** @description integer minor units (cents for USD) */
                                amount: number;
                                /**
                                 * @description ISO 4217 currency code
                                 * @example USD
                                 */
                                currency: string;
                            };
                            cancelled: number;
                        };
                        delivery: {
                            delivered: number;
                            onTime: number;
                            asSold: number;
                            promiseKept: number;
                            onTimeRate: number | null;
                            asSoldRate: number | null;
                            promiseKeptRate: number | null;
                        };
                        handoff: {
                            count: number;
                            averageCompleteness: number | null;
                            medianHoursToHandoff: number | null;
                            returned: number;
                            firstTimeRight: number | null;
                        };
                        nps: {
                            responses: number;
                            promoters: number;
                            passives: number;
                            detractors: number;
                            score: number | null;
                        };
                        openCommitments: {
                            count: number;
                            dueNext30Days: number;
                            value: {
                                /** @description integer minor units (cents for USD) */
                                amount: number;
                                /**
                                 * @description ISO 4217 currency code
                                 * @example USD
                                 */
                                currency: string;
                            };
                        };
                        engagement: {
                            withinRules: number;
                            approved: number;
                            outsideRules: number;
                            promiseKeptRate: {
                                withinRules: number | null;
                                approved: number | null;
                                outsideRules: number | null;
                            };
                            escalations: {
                                opened: number;
                                approved: number;
                                rejected: number;
                                raised: number;
                                decidedByOwner: number;
                                medianHoursToDecision: number | null;
                            };
                        };
                    };
                    change: {
                        /** @example 2026-10 */
                        previousMonth: string;
                        dealsClosed: number;
                        revenueClosed: {
                            amount: number;
                            currency: string;
                        };
                        delivered: number;
                        promiseKeptRate: number | null;
                        nps: number | null;
                        npsResponses: number;
                    };
                }[];
                ops: {
                    team: string;
                    /** @enum {string} */
                    side: "sales" | "ops";
                    scorecard: {
                        /** @example 2026-10 */
                        month: string;
                        dimension: string;
                        deals: {
                            closed: number;
                            revenueClosed: {
                                /** @description integer minor units (cents for USD) */
                                amount: number;
                                /**
                                 * @description ISO 4217 currency code
                                 * @example USD
                                 */
                                currency: string;
                            };
                            cancelled: number;
                        };
                        delivery: {
                            delivered: number;
                            onTime: number;
                            asSold: number;
                            promiseKept: number;
                            onTimeRate: number | null;
                            asSoldRate: number | null;
                            promiseKeptRate: number | null;
                        };
                        handoff: {
                            count: number;
                            averageCompleteness: number | null;
                            medianHoursToHandoff: number | null;
                            returned: number;
                            firstTimeRight: number | null;
                        };
                        nps: {
                            responses: number;
                            promoters: number;
                            passives: number;
                            detractors: number;
                            score: number | null;
                        };
                        openCommitments: {
                            count: number;
                            dueNext30Days: number;
                            value: {
                                /** @description integer minor units (cents for USD) */
                                amount: number;
                                /**
                                 * @description ISO 4217 currency code
                                 * @example USD
                                 */
                                currency: string;
                            };
                        };
                        engagement: {
                            withinRules: number;
                            approved: number;
                            outsideRules: number;
                            promiseKeptRate: {
                                withinRules: number | null;
                                approved: number | null;
                                outsideRules: number | null;
                            };
                            escalations: {
                                opened: number;
                                approved: number;
                                rejected: number;
                                raised: number;
                                decidedByOwner: number;
                                medianHoursToDecision: number | null;
                            };
                        };
                    };
                    change: {
                        /** @example 2026-10 */
                        previousMonth: string;
                        dealsClosed: number;
                        revenueClosed: {
                            amount: number;
                            currency: string;
                        };
                        delivered: number;
                        promiseKeptRate: number | null;
                        nps: number | null;
                        npsResponses: number;
                    };
                }[];
            };
            sides: {
                sales: {
                    /** @enum {string} */
                    side: "sales" | "ops";
                    teams: number;
                    people: number;
                    dealsClosed: number;
                    revenueClosed: {
                        /** @description integer minor units (cents for USD) */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    delivered: number;
                    promiseKept: number;
                    promiseKeptRate: number | null;
                    npsResponses: number;
                    nps: number | null;
                    pool: {
                        /** @description integer minor units; negative for a clawback */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    paid: {
                        /** @description integer minor units; negative for a clawback */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                };
                ops: {
                    /** @enum {string} */
                    side: "sales" | "ops";
                    teams: number;
                    people: number;
                    dealsClosed: number;
                    revenueClosed: {
                        /** @description integer minor units (cents for USD) */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    delivered: number;
                    promiseKept: number;
                    promiseKeptRate: number | null;
                    npsResponses: number;
                    nps: number | null;
                    pool: {
                        /** @description integer minor units; negative for a clawback */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    paid: {
                        /** @description integer minor units; negative for a clawback */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                };
            };
            deliveries: {
                dealId: string;
                sellerId: string;
                opsId: string;
                value: {
                    /** @description integer minor units (cents for USD) */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                deliveredAt: string;
                refunded: boolean;
            }[];
        };
        LoadView: {
            opsTeam: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            at: string;
            weeks: {
                /**
                 * @description ISO 8601 week in the business time zone, YYYY-Www
                 * @example 2026-W53
                 */
                week: string;
                capacityMinutes: number;
                scheduledMinutes: number;
                /**
                 * @description percent of the capacity, rounded half up; null when the capacity is 0
                 * @example 125
                 */
                utilisationPercent: number | null;
            }[];
            commitments: {
                /** @example D-1001 */
                dealId: string;
                minutes: number;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                deliverBy: string;
                finishWeek: string | null;
                atRisk: boolean;
            }[];
        };
        MonthScorecard: {
            /** @example 2026-10 */
            month: string;
            dimension: "org" | string;
            deals: {
                closed: number;
                revenueClosed: {
                    /** @description integer minor units (cents for USD) */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
                cancelled: number;
            };
            delivery: {
                delivered: number;
                onTime: number;
                asSold: number;
                promiseKept: number;
                onTimeRate: number | null;
                asSoldRate: number | null;
                promiseKeptRate: number | null;
            };
            handoff: {
                count: number;
                averageCompleteness: number | null;
                medianHoursToHandoff: number | null;
                returned: number;
                firstTimeRight: number | null;
            };
            nps: {
                responses: number;
                promoters: number;
                passives: number;
                detractors: number;
                score: number | null;
            };
            openCommitments: {
                count: number;
                dueNext30Days: number;
                value: {
                    /** @description integer minor units (cents for USD) */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
            };
            engagement: {
                withinRules: number;
                approved: number;
                outsideRules: number;
                promiseKeptRate: {
                    withinRules: number | null;
                    approved: number | null;
                    outsideRules: number | null;
                };
                escalations: {
                    opened: number;
                    approved: number;
                    rejected: number;
                    raised: number;
                    decidedByOwner: number;
                    medianHoursToDecision: number | null;
                };
            };
            forecast: {
                call: {
                    /** @description integer minor units (cents for USD) */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                } | null;
                actual: {
                    /** @description integer minor units (cents for USD) */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
                biasPercent: number | null;
                wape: number | null;
                trackingSignal: number | null;
                persistentBias: ("sandbagging" | "over-forecasting") | null;
                months: number;
            };
        };
        NpsImport: {
            responses: {
                responseId: string;
                dealId?: string | null;
                score: number;
                comment?: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                respondedAt: string;
            }[];
        };
        NpsImportResult: {
            accepted: number;
            duplicates: number;
            rejected: {
                index: number;
                errors: {
                    path: string;
                    message: string;
                }[];
            }[];
            results: {
                responseId: string;
                dealId: string | null;
                attributed: boolean;
                /** @enum {string} */
                status: "recorded" | "duplicate";
                index: number;
            }[];
        };
        OpenApiDocument: {
            openapi: string;
        } & {
            [key: string]: unknown;
        };
        OpenEscalation: {
            /** @example E-1 */
            escalationId: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            at: string;
            proposal: components["schemas"]["CloseDeal"];
        };
        Payout: {
            /** @example 2026-10 */
            month: string;
            plan: {
                planId: string;
                version: number;
            } | null;
            pool: {
                /** @description integer minor units; negative for a clawback */
                amount: number;
                /**
                 * @description ISO 4217 currency code
                 * @example USD
                 */
                currency: string;
            };
            computation: {
                delivered: number;
                kept: number;
                promiseKeptRate: number | null;
                gatePassed: boolean;
                basePool: {
                    /** @description integer minor units; negative for a clawback */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
                npsResponses: number;
                nps: number | null;
                multiplierBps: number;
                salesPool: {
                    /** @description integer minor units; negative for a clawback */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
                opsPool: {
                    /** @description integer minor units; negative for a clawback */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
            };
            statements: {
                personId: string;
                /** @enum {string} */
                side: "sales" | "ops";
                total: {
                    /** @description integer minor units; negative for a clawback */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                };
                lines: {
                    /** @enum {string} */
                    kind: "earned" | "adjustment" | "clawback";
                    /** @example 2026-10 */
                    month: string;
                    dealIds: string[];
                    amount: {
                        /** @description integer minor units; negative for a clawback */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    /** @enum {string} */
                    rule: "allocation" | "gate" | "promise-broken" | "currency" | "cap" | "no-plan" | "correction";
                    explanation: string;
                }[];
            }[];
            /** @enum {string} */
            status: "open" | "closed";
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            closedAt?: string;
        };
        Problem: {
            /** @example urn:handshake:problem:validation-failed */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description for bad input, each field at fault: body fields by their path, others as path.x, query.x or header.X */
            errors?: {
                path: string;
                message: string;
            }[];
        };
        PromiseCheckAnswer: {
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            at: string;
            fits: boolean;
            beyondCapacity: boolean;
            atRisk: string[];
            earliestDeliverBy: string | null;
            /**
             * @description percent of the capacity, rounded half up; null when the capacity is 0
             * @example 125
             */
            loadPercent: number | null;
            unplanned: {
                skus: string[];
                opsTeams: string[];
            };
            teams: {
                opsTeam: string;
                minutes: number;
                fits: boolean;
                finishWeek: string | null;
                earliestDeliverBy: string | null;
                /**
                 * @description percent of the capacity, rounded half up; null when the capacity is 0
                 * @example 125
                 */
                loadPercent: number | null;
                atRisk: string[];
            }[];
            verdict: {
                /**
                 * @description 0..3, or "off-the-table"
                 * @example 1
                 */
                level: (0 | 1 | 2 | 3) | "off-the-table";
                rules: string[];
                rulesVersion: number | null;
            };
        };
        PromiseRevision: {
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            deliverBy: string;
            /** @enum {string} */
            initiatedBy: "customer" | "sales" | "ops";
            reason: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            at: string;
        };
        RecordedNps: {
            responseId: string;
            dealId: string | null;
            attributed: boolean;
            /** @enum {string} */
            status: "recorded" | "duplicate";
        };
        ReportIndex: {
            /** @example 2026-10 */
            month: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            closedAt: string;
            /** @description null while the reports of a closed month are still to be issued */
            reports: {
                json: {
                    href: string;
                    key: string;
                };
                payrollCsv: {
                    href: string;
                    key: string;
                };
                html: {
                    href: string;
                    key: string;
                };
            } | null;
        };
        RulesOfEngagement: {
            version: number;
            agreedBy: {
                sales: string;
                ops: string;
            };
            slaHours: {
                /**
                 * @description hours to decide at this level, at most 3 decimals
                 * @example 24
                 */
                1: number;
                /**
                 * @description hours to decide at this level, at most 3 decimals
                 * @example 24
                 */
                2: number;
                /**
                 * @description hours to decide at this level, at most 3 decimals
                 * @example 24
                 */
                3: number;
            };
            rules: {
                id: string;
                when: {
                    beyondCapacity?: boolean;
                    leadDaysBelow?: number;
                    valueAtLeast?: {
                        /** @description integer minor units (cents for USD) */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    unplannedWork?: boolean;
                    loadPercentAbove?: number;
                };
                /**
                 * @description 0..3, or "off-the-table"
                 * @example 1
                 */
                level: (0 | 1 | 2 | 3) | "off-the-table";
            }[];
        };
        RulesPublished: {
            version: number;
        };
        ScopeChange: {
            scope: {
                sku: string;
                description?: string;
                quantity: number;
            }[];
            /** @enum {string} */
            initiatedBy: "customer" | "sales" | "ops";
            reason: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            at: string;
        };
        ScorecardTrend: {
            months: {
                /** @example 2026-10 */
                month: string;
                dimension: "org" | string;
                deals: {
                    closed: number;
                    revenueClosed: {
                        /** @description integer minor units (cents for USD) */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    cancelled: number;
                };
                delivery: {
                    delivered: number;
                    onTime: number;
                    asSold: number;
                    promiseKept: number;
                    onTimeRate: number | null;
                    asSoldRate: number | null;
                    promiseKeptRate: number | null;
                };
                handoff: {
                    count: number;
                    averageCompleteness: number | null;
                    medianHoursToHandoff: number | null;
                    returned: number;
                    firstTimeRight: number | null;
                };
                nps: {
                    responses: number;
                    promoters: number;
                    passives: number;
                    detractors: number;
                    score: number | null;
                };
                openCommitments: {
                    count: number;
                    dueNext30Days: number;
                    value: {
                        /** @description integer minor units (cents for USD) */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                };
                engagement: {
                    withinRules: number;
                    approved: number;
                    outsideRules: number;
                    promiseKeptRate: {
                        withinRules: number | null;
                        approved: number | null;
                        outsideRules: number | null;
                    };
                    escalations: {
                        opened: number;
                        approved: number;
                        rejected: number;
                        raised: number;
                        decidedByOwner: number;
                        medianHoursToDecision: number | null;
                    };
                };
            }[];
        };
        TypeformWebhookBody: {
            event_id?: string;
            /** @constant */
            event_type: "form_response";
            form_response: {
                form_id?: string;
                token: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                submitted_at: string;
                hidden?: {
                    deal_id?: (string | number) | null;
                    email?: unknown;
                } | null;
                answers: unknown[];
            };
        } | {
            event_type: string;
        };
        UnattributedNps: {
            responses: {
                /** @enum {string} */
                provider: "delighted" | "typeform" | "import";
                responseId: string;
                score: number;
                comment?: string;
                respondent?: string;
                dealId: string | null;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                respondedAt: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                updatedAt?: string;
            }[];
            truncated: boolean;
        };
        WebhookAcknowledged: {
            responseId: string;
            dealId: string | null;
            attributed: boolean;
            /** @constant */
            status: "duplicate";
        } | {
            /** @constant */
            status: "ignored";
        };
        WeeklyBrief: {
            /**
             * @description ISO 8601 week in the business time zone, YYYY-Www
             * @example 2026-W53
             */
            week: string;
            timeZone: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            from: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            to: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            preparedAt: string;
            summary: {
                sales: {
                    closes: number;
                    forecastsMissing: number;
                };
                operations: {
                    kept: number;
                    missed: number;
                    handoffsReturned: number;
                    teamsOverCapacity: number;
                };
                both: {
                    escalationsOverdue: number;
                    npsAnswers: number;
                    detractors: number;
                };
            };
            closes: {
                /** @enum {string} */
                class: "within-rules" | "approved" | "outside-rules" | "unclassified";
                count: number;
                value: {
                    /** @description integer minor units (cents for USD) */
                    amount: number;
                    /**
                     * @description ISO 4217 currency code
                     * @example USD
                     */
                    currency: string;
                }[];
                deals: {
                    /** @example D-1001 */
                    dealId: string;
                    customer: {
                        id: string;
                        name: string;
                    };
                    sellerId: string;
                    salesTeam: string;
                    value: {
                        /** @description integer minor units (cents for USD) */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    /**
                     * Format: date-time
                     * @description ISO 8601 instant with offset
                     * @example 2026-10-20T17:00:00Z
                     */
                    closedAt: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 instant with offset
                     * @example 2026-10-20T17:00:00Z
                     */
                    deliverBy: string;
                }[];
            }[];
            deliveries: {
                kept: {
                    /** @example D-1001 */
                    dealId: string;
                    customer: {
                        id: string;
                        name: string;
                    };
                    sellerId: string;
                    opsTeam: string | null;
                    /**
                     * Format: date-time
                     * @description ISO 8601 instant with offset
                     * @example 2026-10-20T17:00:00Z
                     */
                    deliveredAt: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 instant with offset
                     * @example 2026-10-20T17:00:00Z
                     */
                    deliverBy: string;
                    kept: boolean;
                    onTime: boolean;
                    asSold: boolean;
                    lateByHours: number;
                    scopeDifferences: {
                        sku: string;
                        promised: number;
                        delivered: number;
                    }[];
                    why: string[];
                }[];
                missed: {
                    /** @example D-1001 */
                    dealId: string;
                    customer: {
                        id: string;
                        name: string;
                    };
                    sellerId: string;
                    opsTeam: string | null;
                    /**
                     * Format: date-time
                     * @description ISO 8601 instant with offset
                     * @example 2026-10-20T17:00:00Z
                     */
                    deliveredAt: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 instant with offset
                     * @example 2026-10-20T17:00:00Z
                     */
                    deliverBy: string;
                    kept: boolean;
                    onTime: boolean;
                    asSold: boolean;
                    lateByHours: number;
                    scopeDifferences: {
                        sku: string;
                        promised: number;
                        delivered: number;
                    }[];
                    why: string[];
                }[];
            };
            handoffsReturned: {
                /** @example D-1001 */
                dealId: string;
                customer: {
                    id: string;
                    name: string;
                };
                sellerId: string;
                salesTeam: string;
                opsTeam: string | null;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                returnedAt: string;
                gaps: ("scopeDocumented" | "deliveryDateConfirmed" | "customerContact" | "specialTerms" | "other")[];
                note: string | null;
            }[];
            escalationsOverdue: {
                escalationId: string;
                dealId: string;
                customer: string;
                sellerId: string;
                salesTeam: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                openedAt: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                firstDueBy: string;
                /** @enum {number} */
                level: 1 | 2 | 3;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                dueBy: string;
                overdueHours: number;
            }[];
            opsTeams: {
                opsTeam: string;
                capacityPublished: boolean;
                weeks: {
                    /**
                     * @description ISO 8601 week in the business time zone, YYYY-Www
                     * @example 2026-W53
                     */
                    week: string;
                    capacityMinutes: number;
                    scheduledMinutes: number;
                    /**
                     * @description percent of the capacity, rounded half up; null when the capacity is 0
                     * @example 125
                     */
                    utilisationPercent: number | null;
                }[];
                atRisk: {
                    dealId: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 instant with offset
                     * @example 2026-10-20T17:00:00Z
                     */
                    deliverBy: string;
                    minutes: number;
                    finishWeek: string | null;
                }[];
            }[];
            forecasts: {
                /** @example 2026-10 */
                month: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                dueBy: string;
                called: {
                    personId: string;
                    salesTeams: string[];
                    commit: {
                        /** @description integer minor units (cents for USD) */
                        amount: number;
                        /**
                         * @description ISO 4217 currency code
                         * @example USD
                         */
                        currency: string;
                    };
                    /**
                     * Format: date-time
                     * @description ISO 8601 instant with offset
                     * @example 2026-10-20T17:00:00Z
                     */
                    at: string;
                }[];
                notCalled: {
                    personId: string;
                    salesTeams: string[];
                }[];
            };
            nps: {
                dealId: string | null;
                customer: {
                    id: string;
                    name: string;
                } | null;
                score: number;
                comment: string | null;
                /**
                 * Format: date-time
                 * @description ISO 8601 instant with offset
                 * @example 2026-10-20T17:00:00Z
                 */
                respondedAt: string;
                /** @enum {string} */
                category: "detractor" | "passive" | "promoter";
            }[];
            /**
             * Format: date-time
             * @description ISO 8601 instant with offset
             * @example 2026-10-20T17:00:00Z
             */
            publishedAt: string;
            links: {
                json: string;
                html: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The deal's version, quoted: send it back in If-Match. */
        ETag: string;
        /** @description Where the resource is read. */
        Location: string;
        /** @description `true` when this is the first answer again, for a retry with the same Idempotency-Key. */
        "Idempotent-Replayed": "true";
        /** @description The payroll CSV is an attachment named payroll-<month>.csv; the JSON and HTML reports are inline. */
        "Content-Disposition": string;
        /** @description The bearer challenge (RFC 6750), with error="invalid_token" when a token was sent. */
        "WWW-Authenticate": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    closeDeal: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description The deal version the client last saw (the ETag of its last answer): the command is refused with 412 if the deal has moved on.
                 * @example "3"
                 */
                "If-Match"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "dealId": "D-1001",
                 *       "closedAt": "2026-10-02T15:00:00Z",
                 *       "customer": {
                 *         "id": "C-7",
                 *         "name": "Acme Paving"
                 *       },
                 *       "seller": {
                 *         "id": "P-SALES-1"
                 *       },
                 *       "salesTeam": "T-SALES",
                 *       "value": {
                 *         "amount": 1250000,
                 *         "currency": "USD"
                 *       },
                 *       "scope": [
                 *         {
                 *           "sku": "SEALCOAT-SQFT",
                 *           "description": "Sealcoat lot A",
                 *           "quantity": 12000
                 *         }
                 *       ],
                 *       "promise": {
                 *         "deliverBy": "2026-10-20T17:00:00Z"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CloseDeal"];
            };
        };
        responses: {
            /** @description the deal is closed at version 1 (a retry with the same Idempotency-Key gets the first answer) */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "dealId": "D-1001",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["CommandAccepted"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; Idempotency-Key is not 1-255 visible ASCII characters; If-Match is not a version */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, sales (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; a deal with this id exists already, the rules of engagement need an approved escalation for it, or an escalation it names does not fit */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the deal is not at the version given in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    handOffDeal: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description The deal version the client last saw (the ETag of its last answer): the command is refused with 412 if the deal has moved on.
                 * @example "3"
                 */
                "If-Match"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "at": "2026-10-03T09:00:00Z",
                 *       "opsOwner": {
                 *         "id": "P-OPS-1"
                 *       },
                 *       "opsTeam": "T-OPS",
                 *       "checklist": {
                 *         "scopeDocumented": true,
                 *         "deliveryDateConfirmed": true,
                 *         "customerContact": true,
                 *         "specialTerms": false
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["HandOff"];
            };
        };
        responses: {
            /** @description recorded: the deal's new version, also as ETag (a retry with the same Idempotency-Key gets the first answer) */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "dealId": "D-1001",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["CommandAccepted"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; a path parameter is not valid (`errors` names it, e.g. path.month); Idempotency-Key is not 1-255 visible ASCII characters; If-Match is not a version */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, sales (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no deal with this id has been closed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; the deal's rules refuse the command as the deal stands (`type` names the rule), or it raced other commands too often */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the deal is not at the version given in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    returnHandoff: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description The deal version the client last saw (the ETag of its last answer): the command is refused with 412 if the deal has moved on.
                 * @example "3"
                 */
                "If-Match"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "at": "2026-10-03T15:00:00Z",
                 *       "gaps": [
                 *         "deliveryDateConfirmed",
                 *         "customerContact"
                 *       ],
                 *       "note": "Who lets the crew in?"
                 *     }
                 */
                "application/json": components["schemas"]["HandoffReturn"];
            };
        };
        responses: {
            /** @description recorded: the deal's new version, also as ETag (a retry with the same Idempotency-Key gets the first answer) */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "dealId": "D-1001",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["CommandAccepted"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; a path parameter is not valid (`errors` names it, e.g. path.month); Idempotency-Key is not 1-255 visible ASCII characters; If-Match is not a version */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no deal with this id has been closed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; the deal's rules refuse the command as the deal stands (`type` names the rule), or it raced other commands too often */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the deal is not at the version given in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeDealScope: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description The deal version the client last saw (the ETag of its last answer): the command is refused with 412 if the deal has moved on.
                 * @example "3"
                 */
                "If-Match"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "at": "2026-10-05T10:00:00Z",
                 *       "initiatedBy": "customer",
                 *       "reason": "Lot B added",
                 *       "scope": [
                 *         {
                 *           "sku": "SEALCOAT-SQFT",
                 *           "quantity": 15000
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ScopeChange"];
            };
        };
        responses: {
            /** @description recorded: the deal's new version, also as ETag (a retry with the same Idempotency-Key gets the first answer) */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "dealId": "D-1001",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["CommandAccepted"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; a path parameter is not valid (`errors` names it, e.g. path.month); Idempotency-Key is not 1-255 visible ASCII characters; If-Match is not a version */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, sales (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no deal with this id has been closed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; the deal's rules refuse the command as the deal stands (`type` names the rule), or it raced other commands too often */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the deal is not at the version given in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reviseDealPromise: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description The deal version the client last saw (the ETag of its last answer): the command is refused with 412 if the deal has moved on.
                 * @example "3"
                 */
                "If-Match"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "at": "2026-10-06T10:00:00Z",
                 *       "deliverBy": "2026-10-24T17:00:00Z",
                 *       "initiatedBy": "customer",
                 *       "reason": "Lot B needs two more days"
                 *     }
                 */
                "application/json": components["schemas"]["PromiseRevision"];
            };
        };
        responses: {
            /** @description recorded: the deal's new version, also as ETag (a retry with the same Idempotency-Key gets the first answer) */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "dealId": "D-1001",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["CommandAccepted"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; a path parameter is not valid (`errors` names it, e.g. path.month); Idempotency-Key is not 1-255 visible ASCII characters; If-Match is not a version */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, sales (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no deal with this id has been closed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; the deal's rules refuse the command as the deal stands (`type` names the rule), or it raced other commands too often */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the deal is not at the version given in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deliverDeal: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description The deal version the client last saw (the ETag of its last answer): the command is refused with 412 if the deal has moved on.
                 * @example "3"
                 */
                "If-Match"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "at": "2026-10-23T16:00:00Z",
                 *       "deliveredBy": {
                 *         "id": "P-OPS-1"
                 *       },
                 *       "scope": [
                 *         {
                 *           "sku": "SEALCOAT-SQFT",
                 *           "quantity": 15000
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Delivery"];
            };
        };
        responses: {
            /** @description recorded: the deal's new version, also as ETag (a retry with the same Idempotency-Key gets the first answer) */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "dealId": "D-1001",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["CommandAccepted"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; a path parameter is not valid (`errors` names it, e.g. path.month); Idempotency-Key is not 1-255 visible ASCII characters; If-Match is not a version */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no deal with this id has been closed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; the deal's rules refuse the command as the deal stands (`type` names the rule), or it raced other commands too often */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the deal is not at the version given in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelDeal: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description The deal version the client last saw (the ETag of its last answer): the command is refused with 412 if the deal has moved on.
                 * @example "3"
                 */
                "If-Match"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "at": "2026-11-05T10:00:00Z",
                 *       "reason": "Refunded"
                 *     }
                 */
                "application/json": components["schemas"]["Cancellation"];
            };
        };
        responses: {
            /** @description recorded: the deal's new version, also as ETag (a retry with the same Idempotency-Key gets the first answer) */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "dealId": "D-1001",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["CommandAccepted"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; a path parameter is not valid (`errors` names it, e.g. path.month); Idempotency-Key is not 1-255 visible ASCII characters; If-Match is not a version */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, sales, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no deal with this id has been closed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; the deal's rules refuse the command as the deal stands (`type` names the rule), or it raced other commands too often */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the deal is not at the version given in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitForecast: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description The deal version the client last saw (the ETag of its last answer): the command is refused with 412 if the deal has moved on.
                 * @example "3"
                 */
                "If-Match"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path: {
                month: string;
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "at": "2026-12-20T09:00:00Z",
                 *       "commit": {
                 *         "amount": 120000,
                 *         "currency": "USD"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Forecast"];
            };
        };
        responses: {
            /** @description recorded (the same forecast sent again records nothing and answers the seller's stream version) */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "personId": "P-SALES-1",
                     *       "month": "2027-01",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ForecastRecorded"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; a path parameter is not valid (`errors` names it, e.g. path.month); Idempotency-Key is not 1-255 visible ASCII characters; If-Match is not a version; the commit is not in the scorecard currency (`commit.currency`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, sales (admin may do everything); a seller forecasts only their own months (admins any seller's) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; it raced other forecasts of the same seller too often */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the deal is not at the version given in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the deal */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealView"];
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, sales, ops (admin may do everything); the deal is not one of the caller's (sales and ops people see the deals they are part of) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no deal with this id has been closed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScorecard: {
        parameters: {
            query?: {
                /** @description whose scorecard: org, team:<id> or person:<id> (default org) */
                dimension?: string;
            };
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the month's scorecard, with its forecast section */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthScorecard"];
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month); a query parameter is not valid (`errors` names it, e.g. query.from) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, sales, ops (admin may do everything); a person's scorecard is that person's own (admins and leadership see all) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScorecardTrend: {
        parameters: {
            query: {
                /** @description the first month */
                from: string;
                /** @description the last month (at most 36 months after from) */
                to: string;
                /** @description whose scorecards: org, team:<id> or person:<id> (default org) */
                dimension?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one scorecard per month, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScorecardTrend"];
                };
            };
            /** @description a query parameter is not valid (`errors` names it, e.g. query.from) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, sales, ops (admin may do everything); a person's scorecard is that person's own (admins and leadership see all) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveDelightedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<HMAC-SHA256 of the exact body bytes under the shared secret> (see the operation description for the encoding) */
                "X-Delighted-Webhook-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "event_type": "survey_response.created",
                 *       "event_id": "e-1",
                 *       "event_data": {
                 *         "id": "r-1",
                 *         "survey_type": "nps",
                 *         "score": 9,
                 *         "created_at": 1792000000,
                 *         "updated_at": 1792000000,
                 *         "person": {
                 *           "id": "p-9",
                 *           "email": "ops@acme.example"
                 *         },
                 *         "person_properties": {
                 *           "deal_id": "D-1001"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DelightedWebhookBody"];
            };
        };
        responses: {
            /** @description nothing new to record: the answer was already recorded (a replay, or an older resend), or the event carries no NPS answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAcknowledged"];
                };
            };
            /** @description the answer was recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "responseId": "r-1",
                     *       "dealId": "D-1001",
                     *       "attributed": true,
                     *       "status": "recorded"
                     *     }
                     */
                    "application/json": components["schemas"]["RecordedNps"];
                };
            };
            /** @description the body is empty, not UTF-8 JSON, or not the provider's body: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the X-Delighted-Webhook-Signature header is missing or does not sign this body */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description other answers of the same deal kept landing at the same moment; the provider retries */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged; no signing secret is configured for this provider (fail closed; the provider retries) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveTypeformWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<HMAC-SHA256 of the exact body bytes under the shared secret> (see the operation description for the encoding) */
                "Typeform-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "event_id": "ev-1",
                 *       "event_type": "form_response",
                 *       "form_response": {
                 *         "form_id": "f-1",
                 *         "token": "tf-r-1",
                 *         "submitted_at": "2026-10-25T09:00:00Z",
                 *         "hidden": {
                 *           "deal_id": "D-1001"
                 *         },
                 *         "answers": [
                 *           {
                 *             "type": "number",
                 *             "number": 9,
                 *             "field": {
                 *               "id": "q1",
                 *               "type": "nps"
                 *             }
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["TypeformWebhookBody"];
            };
        };
        responses: {
            /** @description nothing new to record: the answer was already recorded (a replay, or an older resend), or the event carries no NPS answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAcknowledged"];
                };
            };
            /** @description the answer was recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "responseId": "r-1",
                     *       "dealId": "D-1001",
                     *       "attributed": true,
                     *       "status": "recorded"
                     *     }
                     */
                    "application/json": components["schemas"]["RecordedNps"];
                };
            };
            /** @description the body is empty, not UTF-8 JSON, or not the provider's body: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Typeform-Signature header is missing or does not sign this body */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description other answers of the same deal kept landing at the same moment; the provider retries */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged; no signing secret is configured for this provider (fail closed; the provider retries) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importNpsResponses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "responses": [
                 *         {
                 *           "responseId": "imp-1",
                 *           "dealId": "D-1001",
                 *           "score": 10,
                 *           "comment": "On time, as promised",
                 *           "respondedAt": "2026-10-25T09:00:00Z"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["NpsImport"];
            };
        };
        responses: {
            /** @description what was recorded, what was a duplicate and what was rejected, by index */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NpsImportResult"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; no answer of the batch is valid: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description other answers of the same deal kept landing at the same moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUnattributedNps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description answers that name no known deal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnattributedNps"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishIncentivePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                planId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "planId": "joint",
                 *       "version": 1,
                 *       "effectiveFrom": "2026-01",
                 *       "currency": "USD",
                 *       "poolRateBps": 200,
                 *       "graceMinutes": 0,
                 *       "gates": {
                 *         "minPromiseKeptRate": 0.8
                 *       },
                 *       "nps": {
                 *         "minResponses": 5,
                 *         "bands": [
                 *           {
                 *             "minScore": 50,
                 *             "multiplierBps": 12000
                 *           },
                 *           {
                 *             "minScore": 0,
                 *             "multiplierBps": 10000
                 *           },
                 *           {
                 *             "minScore": -100,
                 *             "multiplierBps": 8000
                 *           }
                 *         ]
                 *       },
                 *       "split": {
                 *         "salesBps": 5000,
                 *         "opsBps": 5000
                 *       },
                 *       "capPerPerson": {
                 *         "amount": 500000,
                 *         "currency": "USD"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["IncentivePlan"];
            };
        };
        responses: {
            /** @description this version was published already, with this content */
            200: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncentivePlan"];
                };
            };
            /** @description published */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "planId": "joint",
                     *       "version": 1,
                     *       "effectiveFrom": "2026-01",
                     *       "currency": "USD",
                     *       "poolRateBps": 200,
                     *       "graceMinutes": 0,
                     *       "gates": {
                     *         "minPromiseKeptRate": 0.8
                     *       },
                     *       "nps": {
                     *         "minResponses": 5,
                     *         "bands": [
                     *           {
                     *             "minScore": 50,
                     *             "multiplierBps": 12000
                     *           },
                     *           {
                     *             "minScore": 0,
                     *             "multiplierBps": 10000
                     *           },
                     *           {
                     *             "minScore": -100,
                     *             "multiplierBps": 8000
                     *           }
                     *         ]
                     *       },
                     *       "split": {
                     *         "salesBps": 5000,
                     *         "opsBps": 5000
                     *       },
                     *       "capPerPerson": {
                     *         "amount": 500000,
                     *         "currency": "USD"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["IncentivePlan"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; a path parameter is not valid (`errors` names it, e.g. path.month); planId in the body is not the one in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description this version was published with other content, the plan changes currency, or it would take effect in a month already closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listIncentivePlans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every published version, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncentivePlans"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the pool, how it was computed and the statements */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payout"];
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, sales, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeMonth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description closed already: the first close, with its reports (issued now if a failure had left them out) */
            200: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClosedMonth"];
                };
            };
            /** @description closed now: the frozen payout is read at /v1/payouts/{month} */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClosedMonth"];
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the month has not ended yet in the business time zone */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description other closes kept landing while this one was computed; try again */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReportLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description links to the issued reports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "month": "2026-10",
                     *       "closedAt": "2026-11-01T00:05:00.000Z",
                     *       "reports": {
                     *         "json": {
                     *           "href": "/v1/reports/2026-10/json",
                     *           "key": "2026-10/handshake-2026-10.json"
                     *         },
                     *         "payrollCsv": {
                     *           "href": "/v1/reports/2026-10/csv",
                     *           "key": "2026-10/payroll-2026-10.csv"
                     *         },
                     *         "html": {
                     *           "href": "/v1/reports/2026-10/html",
                     *           "key": "2026-10/handshake-2026-10.html"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ReportIndex"];
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the month is not closed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJsonReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the JSON report: the payout, how it was computed, and the organisation's scorecards of the year */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncentiveReport"];
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the month is not closed, or its reports have not been issued yet (closing it again issues them) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayrollCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the payroll CSV: person_id,side,month,amount,currency, amounts in the currency's major units; an attachment named payroll-<month>.csv */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example person_id,side,month,amount,currency
                     *     P-OPS-1,ops,2026-10,125.00,USD
                     *     P-SALES-1,sales,2026-10,125.00,USD
                     */
                    "text/csv": string;
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the month is not closed, or its reports have not been issued yet (closing it again issues them) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHtmlReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the HTML report, with inline SVG trend charts */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the month is not closed, or its reports have not been issued yet (closing it again issues them) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishCatalogueEntry: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sku": "SEALCOAT-SQFT",
                 *       "description": "Sealcoat, per square foot",
                 *       "opsTeam": "T-OPS",
                 *       "minutesPerUnit": 0.5
                 *     }
                 */
                "application/json": components["schemas"]["CatalogueEntry"];
            };
        };
        responses: {
            /** @description a new version of the SKU (a retry with the same Idempotency-Key gets the first answer) */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sku": "SEALCOAT-SQFT",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["CatalogueEntryPublished"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; a path parameter is not valid (`errors` names it, e.g. path.month); Idempotency-Key is not 1-255 visible ASCII characters; sku in the body is not the one in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; the catalogue's rules refuse it, or it raced other publications too often */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCatalogue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the latest version of every SKU */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Catalogue"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, sales, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLoad: {
        parameters: {
            query?: {
                /** @description the first ISO week shown (default the week of `at`) */
                from?: string;
                /** @description how many weeks (default 8) */
                weeks?: number;
                /** @description the instant to see it as at (default now) */
                at?: string;
            };
            header?: never;
            path: {
                opsTeam: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description capacity, scheduled minutes and commitments per week */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoadView"];
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month); a query parameter is not valid (`errors` names it, e.g. query.from) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, sales, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishCapacity: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path: {
                opsTeam: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "weeklyHours": 40,
                 *       "weeks": {
                 *         "2026-W52": 8
                 *       },
                 *       "reservePercent": 10
                 *     }
                 */
                "application/json": components["schemas"]["Capacity"];
            };
        };
        responses: {
            /** @description a new version of the team's hours (a retry with the same Idempotency-Key gets the first answer) */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "opsTeam": "T-OPS",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["CapacityPublished"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; a path parameter is not valid (`errors` names it, e.g. path.month); Idempotency-Key is not 1-255 visible ASCII characters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; it raced other publications too often */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkPromise: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "dealId": "D-1001",
                 *       "closedAt": "2026-10-02T15:00:00Z",
                 *       "customer": {
                 *         "id": "C-7",
                 *         "name": "Acme Paving"
                 *       },
                 *       "seller": {
                 *         "id": "P-SALES-1"
                 *       },
                 *       "salesTeam": "T-SALES",
                 *       "value": {
                 *         "amount": 1250000,
                 *         "currency": "USD"
                 *       },
                 *       "scope": [
                 *         {
                 *           "sku": "SEALCOAT-SQFT",
                 *           "description": "Sealcoat lot A",
                 *           "quantity": 12000
                 *         }
                 *       ],
                 *       "promise": {
                 *         "deliverBy": "2026-10-20T17:00:00Z"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CloseDeal"];
            };
        };
        responses: {
            /** @description the check and its verdict under the rules in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromiseCheckAnswer"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, sales, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRulesOfEngagement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the rules in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesOfEngagement"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, sales, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no rules have been published: every proposal is within rules */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishRulesOfEngagement: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 1,
                 *       "agreedBy": {
                 *         "sales": "P-SALES-LEAD",
                 *         "ops": "P-OPS-LEAD"
                 *       },
                 *       "slaHours": {
                 *         "1": 24,
                 *         "2": 48,
                 *         "3": 72
                 *       },
                 *       "rules": [
                 *         {
                 *           "id": "short-lead",
                 *           "when": {
                 *             "leadDaysBelow": 5
                 *           },
                 *           "level": 1
                 *         },
                 *         {
                 *           "id": "big-deal",
                 *           "when": {
                 *             "valueAtLeast": {
                 *               "amount": 5000000,
                 *               "currency": "USD"
                 *             }
                 *           },
                 *           "level": 2
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["RulesOfEngagement"];
            };
        };
        responses: {
            /** @description a retry with the same Idempotency-Key: the first answer */
            200: {
                headers: {
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesPublished"];
                };
            };
            /** @description published */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["RulesPublished"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; Idempotency-Key is not 1-255 visible ASCII characters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; this version was published already, or it raced other publications too often */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEscalations: {
        parameters: {
            query?: {
                /** @description which escalations (default open) */
                status?: "open" | "approved" | "rejected";
                /** @description the instant to see it as at (default now) */
                at?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the escalations, with level and due time as at `at` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Escalations"];
                };
            };
            /** @description a query parameter is not valid (`errors` names it, e.g. query.from) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, sales, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openEscalation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "escalationId": "E-1",
                 *       "at": "2026-10-02T14:00:00Z",
                 *       "proposal": {
                 *         "dealId": "D-1001",
                 *         "closedAt": "2026-10-02T15:00:00Z",
                 *         "customer": {
                 *           "id": "C-7",
                 *           "name": "Acme Paving"
                 *         },
                 *         "seller": {
                 *           "id": "P-SALES-1"
                 *         },
                 *         "salesTeam": "T-SALES",
                 *         "value": {
                 *           "amount": 1250000,
                 *           "currency": "USD"
                 *         },
                 *         "scope": [
                 *           {
                 *             "sku": "SEALCOAT-SQFT",
                 *             "description": "Sealcoat lot A",
                 *             "quantity": 12000
                 *           }
                 *         ],
                 *         "promise": {
                 *           "deliverBy": "2026-10-05T17:00:00Z"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["OpenEscalation"];
            };
        };
        responses: {
            /** @description opened (a retry with the same Idempotency-Key gets the first answer) */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Escalation"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; Idempotency-Key is not 1-255 visible ASCII characters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, sales (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; the proposal is within rules or off the table, the escalation exists already, or no rules are published */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideEscalation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.
                 * @example close-D-1001
                 */
                "Idempotency-Key"?: string;
                /** @description Recorded on the events the request appends, so a client can follow its request through the bus. */
                "X-Correlation-Id"?: string;
            };
            path: {
                escalationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "at": "2026-10-02T16:00:00Z",
                 *       "decision": "approved",
                 *       "note": "Crew B can take it"
                 *     }
                 */
                "application/json": components["schemas"]["EscalationDecision"];
            };
        };
        responses: {
            /** @description decided (a retry with the same Idempotency-Key gets the first answer) */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Escalation"];
                };
            };
            /** @description the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault; a path parameter is not valid (`errors` names it, e.g. path.month); Idempotency-Key is not 1-255 visible ASCII characters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, ops (admin may do everything); the escalation has risen to a level beyond the caller's role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no escalation with this id has been opened */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the Idempotency-Key was used for another request; the escalation is decided already, or the decision does not fit it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over 262144 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEscalation: {
        parameters: {
            query?: {
                /** @description the instant to see it as at (default now) */
                at?: string;
            };
            header?: never;
            path: {
                escalationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the escalation, its level and due time as at `at` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Escalation"];
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month); a query parameter is not valid (`errors` names it, e.g. query.from) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, sales, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no escalation with this id has been opened */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWeeklyBrief: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                week: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the week's brief */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeeklyBrief"];
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, sales, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no brief of this week has been published (`brief-not-published`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishWeeklyBrief: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                week: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description published already: the first brief, nothing recorded */
            200: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeeklyBrief"];
                };
            };
            /** @description published now */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeeklyBrief"];
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the week has not ended yet in the business time zone (`week-not-ended`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWeeklyBriefHtml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                week: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the brief as the self-contained HTML page it was published as */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description a path parameter is not valid (`errors` names it, e.g. path.month) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no bearer token, or not a valid one ("token expired", "not a valid token") */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller has none of the roles admin, leadership, sales, ops (admin may do everything) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no brief of this week has been published (`brief-not-published`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description this document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenApiDocument"];
                };
            };
            /** @description something failed on our side; it has been logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
