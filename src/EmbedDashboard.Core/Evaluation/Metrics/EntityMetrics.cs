namespace EmbedDashboard.Core.Evaluation.Metrics;

public sealed record EntitySpan(int Start, int End, string Type);

public sealed record EntityScores(double Precision, double Recall, double F1, int Gold, int Predicted, int Correct);

/// <summary>
/// Entity-level scores from BIO tags with exact span-and-type match, as seqeval's default mode: an
/// I- tag after O or after another type starts a new entity.
/// </summary>
public static class EntityMetrics
{
    public static List<EntitySpan> Spans(IReadOnlyList<string> tags)
    {
        var spans = new List<EntitySpan>();
        int start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var prefix = tag.Length > 1 ? tag[..2] : tag;
            var tagType = tag.Length > 2 ? tag[2..] : null;
            var continues = prefix == "I-" && type is not null && tagType == type;
            if (type is not null && !continues)
            {
                spans.Add(new EntitySpan(start, i, type));
                type = null;
            }

            if (prefix is "B-" or "I-" && !continues)
            {
                start = i;
                type = tagType;
            }
        }

        return spans;
    }

    public static EntityScores Score(IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted, string? type = null)
    {
        int g = 0, p = 0, c = 0;
        for (var s = 0; s < gold.Count; s++)
        {
            var goldSpans = Spans(gold[s]).Where(x => type is null || x.Type == type).ToHashSet();
            var predSpans = Spans(predicted[s]).Where(x => type is null || x.Type == type).ToHashSet();
            g += goldSpans.Count;
            p += predSpans.Count;
            c += predSpans.Count(goldSpans.Contains);
        }

        double precision = p == 0 ? 0 : c / (double)p, recall = g == 0 ? 0 : c / (double)g;
        return new EntityScores(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), g, p, c);
    }
}
