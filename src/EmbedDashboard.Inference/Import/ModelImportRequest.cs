using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Inference.Import;

/// <summary>
/// What the user gives when adding a model (Models page or `embeddash models add`): the files (a folder, a
/// vectors file or a .zip), a display name, whether it is general or task-specific, and optional choices
/// that override what the folder says.
/// </summary>
public sealed record ModelImportRequest
{
    /// <summary>A folder, a word-vectors file (optionally .gz) or a .zip, already on this machine.</summary>
    public required string Path { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>Pretrained for a task or domain (BioBERT-, SentiBERT-style), so compared against the general ones.</summary>
    public bool TaskSpecific { get; init; }
    public Pooling? Pooling { get; init; }
    public int? MaxTokens { get; init; }
    public string? QueryPrefix { get; init; }
    public string? PassagePrefix { get; init; }
    public string? Source { get; init; }
    public string? License { get; init; }

    /// <summary>How the files reached the server, for the manifest (defaults to the full path).</summary>
    public string? ImportedFrom { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DisplayName)) problems.Add("Give the model a display name.");
        else if (DisplayName.Trim().Length > 100) problems.Add("The display name is longer than 100 characters.");
        if (MaxTokens is < 8 or > 8192) problems.Add($"Max tokens must be between 8 and 8,192 (got {MaxTokens}).");
        if (QueryPrefix?.Length > 500 || PassagePrefix?.Length > 500) problems.Add("Prefixes are limited to 500 characters.");
        return problems;
    }
}
