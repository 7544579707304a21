namespace Portal.Segmentation.Disclosure;

/// <summary>
/// Which suppressed cells a reader could work out exactly from the published cells and the
/// relations between them. The relations restricted to the suppressed cells form a linear system;
/// a suppressed cell is recoverable exactly when its unit vector lies in the system's row space,
/// which reduced row echelon form shows directly: its pivot row has no other non-zero entry.
/// This depends only on which cells are suppressed, not on their values, so the portal can check
/// an upload whose counts it never saw.
/// </summary>
public static class LinearAudit
{
    private const double Epsilon = 1e-9;

    public static HashSet<int> Recoverable(IReadOnlyList<Relation> relations, IReadOnlySet<int> suppressed, Func<int, bool>? applies = null)
    {
        var columns = new Dictionary<int, int>();
        foreach (var cell in suppressed.Order())
        {
            if (applies is null || applies(cell))
            {
                columns[cell] = columns.Count;
            }
        }

        var rows = new List<double[]>();
        foreach (var relation in relations)
        {
            double[]? row = null;
            foreach (var (cell, coefficient) in relation.Terms)
            {
                if (columns.TryGetValue(cell, out var column))
                {
                    row ??= new double[columns.Count];
                    row[column] += coefficient;
                }
            }

            if (row is not null)
            {
                rows.Add(row);
            }
        }

        var cellOf = columns.OrderBy(c => c.Value).Select(c => c.Key).ToArray();
        var recoverable = new HashSet<int>();
        foreach (var (pivotRow, pivotColumn) in ReduceToEchelon(rows, columns.Count))
        {
            var alone = true;
            for (var c = 0; c < columns.Count && alone; c++)
            {
                alone = c == pivotColumn || Math.Abs(pivotRow[c]) < Epsilon;
            }

            if (alone)
            {
                recoverable.Add(cellOf[pivotColumn]);
            }
        }

        return recoverable;
    }

    /// <summary>Gauss-Jordan elimination with partial pivoting; returns each pivot row with its column.</summary>
    private static List<(double[] Row, int Column)> ReduceToEchelon(List<double[]> rows, int columnCount)
    {
        var pivots = new List<(double[], int)>();
        var top = 0;
        for (var column = 0; column < columnCount && top < rows.Count; column++)
        {
            var best = top;
            for (var r = top + 1; r < rows.Count; r++)
            {
                if (Math.Abs(rows[r][column]) > Math.Abs(rows[best][column]))
                {
                    best = r;
                }
            }

            if (Math.Abs(rows[best][column]) < Epsilon)
            {
                continue;
            }

            (rows[top], rows[best]) = (rows[best], rows[top]);
            var pivot = rows[top];
            var scale = pivot[column];
            for (var c = 0; c < columnCount; c++)
            {
                pivot[c] /= scale;
            }

            for (var r = 0; r < rows.Count; r++)
            {
                if (r == top || Math.Abs(rows[r][column]) < Epsilon)
                {
                    continue;
                }

                var factor = rows[r][column];
                var target = rows[r];
                for (var c = 0; c < columnCount; c++)
                {
                    target[c] -= factor * pivot[c];
                }
            }

            pivots.Add((pivot, column));
            top++;
        }

        return pivots;
    }
}
