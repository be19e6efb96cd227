namespace EmbedDashboard.Core.Evaluation.Metrics;

/// <summary>
/// Entity-level scores from BIO (or IOBES) tags, exact span-and-type match, as seqeval's default
/// (non-strict) mode: an I- tag after O, or after a tag of another type, starts a new entity.
/// </summary>
public static class EntityMetrics
{
    /// <summary>
    /// The entities of one tag sequence. A port of the chunk rules of seqeval's get_entities
    /// (end_of_chunk / start_of_chunk) so that scores match what NER papers report.
    /// </summary>
    public static IReadOnlyList<EntitySpan> Spans(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var spans = new List<EntitySpan>();
        char previousTag = 'O';
        var previousType = "";
        var begin = 0;
        for (var i = 0; i <= tags.Count; i++)
        {
            // A trailing O closes an entity that runs to the end of the sentence.
            var (tag, type) = Parse(i < tags.Count ? tags[i] : "O");
            if (EndsChunk(previousTag, tag, previousType, type)) spans.Add(new EntitySpan(begin, i, previousType));
            if (StartsChunk(previousTag, tag, previousType, type)) begin = i;
            previousTag = tag;
            previousType = type;
        }

        return spans;
    }

    /// <summary>Micro-averaged scores over all sentences; with <paramref name="type"/>, only entities of that type.</summary>
    public static EntityScores Score(IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted, string? type = null)
    {
        var (goldSpans, predictedSpans) = AllSpans(gold, predicted);
        return Count(goldSpans, predictedSpans, type);
    }

    /// <summary>Scores per entity type found in the gold or the predictions, ordered by type name.</summary>
    public static IReadOnlyDictionary<string, EntityScores> ScoreByType(IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        var (goldSpans, predictedSpans) = AllSpans(gold, predicted);
        var result = new SortedDictionary<string, EntityScores>(StringComparer.Ordinal);
        foreach (var type in goldSpans.Concat(predictedSpans).Select(s => s.Span.Type).Distinct())
        {
            result[type] = Count(goldSpans, predictedSpans, type);
        }

        return result;
    }

    private static (HashSet<(int Sentence, EntitySpan Span)> Gold, HashSet<(int Sentence, EntitySpan Span)> Predicted) AllSpans(
        IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count) throw new ArgumentException($"{gold.Count} gold sentences but {predicted.Count} predicted.", nameof(predicted));
        var goldSpans = new HashSet<(int, EntitySpan)>();
        var predictedSpans = new HashSet<(int, EntitySpan)>();
        for (var s = 0; s < gold.Count; s++)
        {
            if (gold[s].Count != predicted[s].Count) throw new ArgumentException($"Sentence {s}: {gold[s].Count} gold tags but {predicted[s].Count} predicted.", nameof(predicted));
            foreach (var span in Spans(gold[s])) goldSpans.Add((s, span));
            foreach (var span in Spans(predicted[s])) predictedSpans.Add((s, span));
        }

        return (goldSpans, predictedSpans);
    }

    private static EntityScores Count(HashSet<(int Sentence, EntitySpan Span)> gold, HashSet<(int Sentence, EntitySpan Span)> predicted, string? type)
    {
        bool Keep((int, EntitySpan Span) x) => type is null || x.Span.Type == type;
        var g = gold.Count(Keep);
        var p = predicted.Count(Keep);
        var c = predicted.Count(x => Keep(x) && gold.Contains(x));
        return EntityScores.FromCounts(g, p, c);
    }

    /// <summary>"B-PER" → ('B', "PER"); "O" → ('O', "_") as seqeval, whose type for untyped tags is "_".</summary>
    private static (char Tag, string Type) Parse(string chunk)
    {
        if (chunk.Length == 0) return ('O', "_");
        var rest = chunk[1..];
        var dash = rest.IndexOf('-');
        var type = dash >= 0 ? rest[(dash + 1)..] : rest;
        return (chunk[0], type.Length == 0 ? "_" : type);
    }

    private static bool EndsChunk(char previousTag, char tag, string previousType, string type) =>
        previousTag is 'E' or 'S'
        || (previousTag is 'B' or 'I' && tag is 'B' or 'S' or 'O')
        || (previousTag is not ('O' or '.') && previousType != type);

    private static bool StartsChunk(char previousTag, char tag, string previousType, string type) =>
        tag is 'B' or 'S'
        || (previousTag is 'E' or 'S' or 'O' && tag is 'E' or 'I')
        || (tag is not ('O' or '.') && previousType != type);
}
