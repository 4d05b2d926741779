// Wire types of the gateway API (services/gateway/src/kubechat_gateway/schemas*.py).

export type Risk = "unspecified" | "read" | "write" | "destructive";

export interface Choice { label: string; text: string }
export interface Clarification { question: string; choices: Choice[] }

export interface Plan {
  kubectl: string[];
  risk: Risk;
  confidence: number;
  operations: Record<string, unknown>[];
  clarification: Clarification | null;
  engine: string;
}

export interface Table { kind: string; columns: string[]; rows: string[][]; continue_token: string }

export interface Result {
  kubectl: string;
  ok: boolean;
  table: Table | null;
  text: string;
  error: { code: string; message: string; hint: string } | null;
}

export interface Verification { outcome: string; condition: string; detail: string }

export interface Affected { kind: string; namespace: string; name: string; change: string }

export interface Policy { type_name: boolean; expected_name: string; second_approver: boolean; reason: string }

interface Base { conversation_id: string; request_id: string }

export type ChatEvent =
  | (Base & { type: "typing"; active: boolean })
  | (Base & { type: "user_message"; text: string; cluster: string })
  | (Base & { type: "plan"; cluster: string; plan: Plan })
  | (Base & { type: "clarification"; clarification: Clarification })
  | (Base & { type: "cluster_change"; previous: string; cluster: string })
  | (Base & { type: "preview"; cluster: string; diff: string; affected: Affected[] })
  | (Base & {
      type: "confirmation_request";
      confirmation_id: string;
      cluster: string;
      risk: Risk;
      kubectl: string[];
      policy: Policy;
      expires_at: string;
    })
  | (Base & { type: "progress"; index: number; message: string; fraction: number })
  | (Base & { type: "log"; index: number; text: string })
  | (Base & { type: "result"; cluster: string; result: Result; verification: Verification | null })
  | (Base & { type: "error"; code: string; message: string; hint: string })
  | (Base & { type: "cancelled"; confirmation_id: string })
  | (Base & { type: "done"; status: string });

export interface Conversation {
  id: string;
  title: string;
  cluster_id: string;
  created_at: string;
  updated_at: string;
  message_count: number;
}

export interface Message {
  id: number;
  role: "user" | "assistant";
  type: string;
  text: string;
  payload: Record<string, unknown>;
  created_at: string;
}

export interface Cluster {
  id: string;
  name: string;
  environment: string;
  labels: Record<string, string>;
  server: string;
  reachable: boolean;
  version: string;
  nodes_ready: number;
  nodes_total: number;
  error: string;
}

export interface WebConfig {
  auth_mode: "dev" | "oidc";
  oidc_issuer: string;
  oidc_client_id: string;
  rate_limit_asks: number;
  rate_limit_window_seconds: number;
}

export interface Me { user: string; tenant: string; roles: string[]; email: string }

export interface Template { id: string; title: string; text: string; risk: Risk }
