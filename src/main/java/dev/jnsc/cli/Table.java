package dev.jnsc.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The box tables nsc prints (its tablewriter with the UTF-8 box style): an optional centred
 * title, optional headers, rows and separators. Cells are padded by one space; a column is as
 * wide as its widest cell; a title wider than the columns widens the last column.
 */
final class Table {
    private final String title;
    private String[] headers;
    private final List<String[]> rows = new ArrayList<>(); // null entry = separator

    Table(String title) {
        this.title = title;
    }

    Table headers(String... h) {
        headers = h;
        return this;
    }

    Table row(String... cells) {
        rows.add(cells);
        return this;
    }

    /** A label row for the first value and unlabelled rows for the rest; nothing when empty. */
    Table list(String label, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row(i == 0 ? label : "", values.get(i));
        }
        return this;
    }

    Table separator() {
        rows.add(null);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String render() {
        List<Integer> widths = new ArrayList<>();
        if (headers != null) {
            measure(headers, widths);
        }
        for (String[] r : rows) {
            if (r != null) {
                measure(r, widths);
            }
        }
        if (widths.isEmpty()) {
            widths.add(0);
        }
        int total = 1;
        for (int w : widths) {
            total += w + 3;
        }
        if (title != null) {
            int min = width(title) + 4;
            if (total < min) {
                int last = widths.size() - 1;
                widths.set(last, widths.get(last) + min - total);
                total = min;
            }
        }
        StringBuilder sb = new StringBuilder();
        if (title != null) {
            sb.append('╭').append("─".repeat(total - 2)).append("╮\n");
            int inner = widths.get(0);
            for (int i = 1; i < widths.size() && widths.get(i) > 0; i++) {
                inner += widths.get(i) + 3;
            }
            int space = Math.max(0, inner - width(title));
            sb.append("│ ").append(" ".repeat(space / 2)).append(title).append(" ".repeat(space - space / 2))
                    .append(" │\n");
        }
        if (headers != null) {
            line(sb, widths, title != null ? '├' : '╭', '┬', title != null ? '┤' : '╮');
            cells(sb, headers, widths);
            line(sb, widths, '├', '┼', '┤');
        } else if (title != null) {
            line(sb, widths, '├', '┬', '┤');
        } else {
            line(sb, widths, '╭', '┬', '╮');
        }
        for (String[] r : rows) {
            if (r == null) {
                line(sb, widths, '├', '┼', '┤');
            } else {
                cells(sb, r, widths);
            }
        }
        line(sb, widths, '╰', '┴', '╯');
        return sb.toString();
    }

    private static void measure(String[] cells, List<Integer> widths) {
        for (int i = 0; i < cells.length; i++) {
            int w = width(cells[i]);
            if (i >= widths.size()) {
                widths.add(w);
            } else if (w > widths.get(i)) {
                widths.set(i, w);
            }
        }
    }

    private static void line(StringBuilder sb, List<Integer> widths, char left, char mid, char right) {
        sb.append(left);
        for (int i = 0; i < widths.size(); i++) {
            if (i > 0) {
                sb.append(mid);
            }
            sb.append("─".repeat(widths.get(i) + 2));
        }
        sb.append(right).append('\n');
    }

    private static void cells(StringBuilder sb, String[] cells, List<Integer> widths) {
        sb.append('│');
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "" : cells[i];
            sb.append(' ').append(c).append(" ".repeat(widths.get(i) - width(c))).append(" │");
        }
        sb.append('\n');
    }

    /** Display width: code points, ANSI colour sequences excluded. */
    static int width(String s) {
        if (s == null) {
            return 0;
        }
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '\033' && i + 1 < s.length() && s.charAt(i + 1) == '[') {
                int j = i + 2;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ';')) {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == 'm') {
                    i = j + 1;
                    continue;
                }
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w++;
        }
        return w;
    }
}
