using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Portal.Search;

/// <summary>
/// Counts facet values over every hit, from the facets' sorted-set doc values (Lucene.Net.Facet is
/// not available). Counts go into an array per segment by ordinal and are turned into values once
/// per segment, so a search over 100,000 documents costs one array increment per hit and facet.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> facets) : ICollector
{
    private readonly Dictionary<string, int>[] _totals = facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[facets.Count];
    private readonly int[]?[] _segmentCounts = new int[facets.Count][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var i = 0; i < facets.Count; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(facets[i]);
            _values[i] = values;
            _segmentCounts[i] = values is null ? null : new int[checked((int)values.ValueCount)];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }

            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _segmentCounts[i]![ord]++;
            }
        }
    }

    /// <summary>Each facet's values with their counts, most first, then by value.</summary>
    public IReadOnlyList<FacetCounts> Counts()
    {
        FlushSegment();
        return facets.Select((facet, i) => new FacetCounts(
                facet,
                _totals[i].OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.CurrentCulture).Select(v => new FacetValue(v.Key, v.Value)).ToList()))
            .ToList();
    }

    private void FlushSegment()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values || _segmentCounts[i] is not { } counts)
            {
                continue;
            }

            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, bytes);
                    var value = bytes.Utf8ToString();
                    _totals[i][value] = _totals[i].GetValueOrDefault(value) + counts[ord];
                }
            }

            _values[i] = null;
            _segmentCounts[i] = null;
        }
    }
}
