namespace EmbedDashboard.Core.Probes;

/// <summary>
/// Top answers under both methods, or, when a question word has no vector, empty lists, the words in
/// <see cref="MissingWords"/> and a sentence per word in <see cref="Problem"/>.
/// </summary>
public sealed record AnalogyAnswers(
    IReadOnlyList<AnalogyCandidate> CosAdd,
    IReadOnlyList<AnalogyCandidate> CosMul,
    IReadOnlyList<string> MissingWords,
    string? Problem);
