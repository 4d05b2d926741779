import type { Table } from "./types";

export type ExportFormat = "markdown" | "json" | "csv";

// A spreadsheet runs a cell starting with one of these as a formula; cluster data (labels,
// annotations, names) is not ours to trust, so such a cell is prefixed with ' (text).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(raw: string): string {
  const value = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function tableAs(table: Table, format: ExportFormat): string {
  if (format === "json") {
    const records = table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? ""])));
    return JSON.stringify({ kind: table.kind, items: records }, null, 2);
  }
  if (format === "csv") {
    return [table.columns, ...table.rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
  }
  const escape = (v: string) => v.replace(/\|/g, "\\|");
  return [
    `| ${table.columns.map(escape).join(" | ")} |`,
    `|${" --- |".repeat(table.columns.length)}`,
    ...table.rows.map((r) => `| ${r.map(escape).join(" | ")} |`),
  ].join("\n") + "\n";
}

const MEDIA: Record<ExportFormat, [string, string]> = {
  markdown: ["text/markdown", "md"],
  json: ["application/json", "json"],
  csv: ["text/csv", "csv"],
};

export function download(content: string | Blob, name: string, format: ExportFormat) {
  const [type, ext] = MEDIA[format];
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${name}.${ext}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The whole conversation, rendered by the gateway (the same as the REST export). */
export async function exportConversation(id: string, token: string, format: ExportFormat) {
  const reply = await fetch(`/api/v1/conversations/${id}/export?format=${format}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!reply.ok) throw new Error(`export failed: HTTP ${reply.status}`);
  download(await reply.blob(), `conversation-${id}`, format);
}
