import {
  Card,
  CardContent,
  Grid,
  Stack,
  Table as MuiTable,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
  useMediaQuery,
  useTheme,
} from "@mui/material";
import { useId, useMemo, useState } from "react";
import type { Table } from "../types";
import { StatusChip } from "./StatusChip";

const STATUS_COLUMNS = new Set(["status", "phase"]);
const READY_COLUMNS = new Set(["ready"]);

function compare(a: string, b: string): number {
  // Numbers (restarts), ages ("5m", "2d") and "2/3" counts sort by value, not as text.
  const na = parseFloat(a);
  const nb = parseFloat(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
  return a.localeCompare(b, undefined, { numeric: true });
}

function Cell({ column, value }: { column: string; value: string }) {
  const key = column.toLowerCase();
  if (STATUS_COLUMNS.has(key) && value) return <StatusChip value={value} />;
  if (READY_COLUMNS.has(key) && value.includes("/")) return <StatusChip value={value} kind="ready" />;
  return <>{value}</>;
}

export function ResourceTable({ table }: { table: Table }) {
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down("sm"));
  const [view, setView] = useState<"table" | "cards" | null>(null);
  const [filter, setFilter] = useState("");
  const [sortBy, setSortBy] = useState(0);
  const [descending, setDescending] = useState(false);
  const filterId = useId();
  const shown = view ?? (phone ? "cards" : "table");

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const kept = needle ? table.rows.filter((r) => r.some((c) => c.toLowerCase().includes(needle))) : table.rows;
    const sorted = [...kept].sort((a, b) => compare(a[sortBy] ?? "", b[sortBy] ?? ""));
    return descending ? sorted.reverse() : sorted;
  }, [table.rows, filter, sortBy, descending]);

  const sort = (index: number) => {
    if (index === sortBy) setDescending(!descending);
    else {
      setSortBy(index);
      setDescending(false);
    }
  };

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <TextField
          id={filterId}
          size="small"
          label={`Filter ${table.kind || "rows"}`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <ToggleButtonGroup
          size="small"
          exclusive
          value={shown}
          onChange={(_, v: "table" | "cards" | null) => v && setView(v)}
          aria-label="Result layout"
        >
          <ToggleButton value="table">Table</ToggleButton>
          <ToggleButton value="cards">Cards</ToggleButton>
        </ToggleButtonGroup>
        <Typography variant="body2" color="text.secondary" role="status">
          {rows.length} of {table.rows.length} {table.kind || "rows"}
        </Typography>
      </Stack>
      {shown === "table" ? (
        <TableContainer tabIndex={0} aria-label={`${table.kind} table`} sx={{ maxHeight: 480 }}>
          <MuiTable size="small" stickyHeader>
            <TableHead>
              <TableRow>
                {table.columns.map((column, i) => (
                  <TableCell key={column} sortDirection={sortBy === i ? (descending ? "desc" : "asc") : false}>
                    <TableSortLabel
                      active={sortBy === i}
                      direction={sortBy === i && descending ? "desc" : "asc"}
                      onClick={() => sort(i)}
                    >
                      {column}
                    </TableSortLabel>
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.join("\u0000")}>
                  {table.columns.map((column, i) => (
                    <TableCell key={column}>
                      <Cell column={column} value={row[i] ?? ""} />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </MuiTable>
        </TableContainer>
      ) : (
        <Grid container spacing={1} component="ul" sx={{ listStyle: "none", p: 0, m: 0 }} aria-label={`${table.kind} cards`}>
          {rows.map((row) => (
            <Grid key={row.join("\u0000")} item xs={12} sm={6} md={4} component="li">
              <Card variant="outlined">
                <CardContent>
                  <Typography variant="subtitle2" component="h4" sx={{ wordBreak: "break-all" }}>
                    {row[0]}
                  </Typography>
                  <Stack component="dl" spacing={0.5} sx={{ m: 0 }}>
                    {table.columns.slice(1).map((column, i) => (
                      <Stack key={column} direction="row" spacing={1} alignItems="center">
                        <Typography component="dt" variant="body2" color="text.secondary">
                          {column}
                        </Typography>
                        <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                          <Cell column={column} value={row[i + 1] ?? ""} />
                        </Typography>
                      </Stack>
                    ))}
                  </Stack>
                </CardContent>
              </Card>
            </Grid>
          ))}
        </Grid>
      )}
    </Stack>
  );
}
