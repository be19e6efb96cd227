using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Import;

namespace EmbedDashboard.Web.Components.Pages.Models;

/// <summary>The Add model form's state: where the files are and what the user says about the model.</summary>
public sealed class AddModelForm
{
    public bool FromServerFolder { get; set; }
    public string ServerPath { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public bool TaskSpecific { get; set; }
    public Pooling? Pooling { get; set; }
    public int? MaxTokens { get; set; }
    public string QueryPrefix { get; set; } = "";
    public string PassagePrefix { get; set; } = "";
    public string Source { get; set; } = "";
    public string License { get; set; } = "";

    /// <summary>Uploaded files staged on the server (name → size), in a folder of their own.</summary>
    public List<(string Name, long Bytes)> Staged { get; } = [];
    public string? StagingFolder { get; set; }

    public ModelImportRequest ToRequest(string path, string importedFrom) => new()
    {
        Path = path,
        DisplayName = DisplayName,
        TaskSpecific = TaskSpecific,
        Pooling = Pooling,
        MaxTokens = MaxTokens,
        QueryPrefix = string.IsNullOrEmpty(QueryPrefix) ? null : QueryPrefix,
        PassagePrefix = string.IsNullOrEmpty(PassagePrefix) ? null : PassagePrefix,
        Source = Source,
        License = License,
        ImportedFrom = importedFrom,
    };

    /// <summary>The path to import: the server folder, the one staged file (a .zip or vectors), or the staging folder.</summary>
    public string? ImportPath() => FromServerFolder
        ? (string.IsNullOrWhiteSpace(ServerPath) ? null : ServerPath.Trim())
        : StagingFolder is null || Staged.Count == 0 ? null
        : Staged.Count == 1 ? Path.Combine(StagingFolder, Staged[0].Name) : StagingFolder;
}
