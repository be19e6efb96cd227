namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>A sentence and where it starts in its context (character offset), so answer spans can be located.</summary>
public sealed record SentenceSpan(int Start, string Text)
{
    public int End => Start + Text.Length;

    public bool Contains(int offset) => offset >= Start && offset < End;
}
