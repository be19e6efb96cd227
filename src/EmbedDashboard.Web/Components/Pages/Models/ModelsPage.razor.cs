using EmbedDashboard.Core.Access;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Runner.Models;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Models;

public partial class ModelsPage
{
    [Inject]
    public required IEmbedderRegistry Registry { get; set; }

    [Inject]
    public required IServiceProvider Services { get; set; }

    /// <summary>Trained embedders can be deleted here (the catalog is absent in component tests).</summary>
    private EmbedDashboard.Training.Artifacts.TrainedEmbedderCatalog? Catalog =>
        Services.GetService(typeof(EmbedDashboard.Training.Artifacts.TrainedEmbedderCatalog)) as EmbedDashboard.Training.Artifacts.TrainedEmbedderCatalog;

    /// <summary>Imported and trained embedders can be added and deleted here (the library is absent in component tests).</summary>
    private ModelLibrary? Library => Services.GetService(typeof(ModelLibrary)) as ModelLibrary;

    private RemovalOutcome? _removal;

    // Refused while queued or running work needs it; past results keep the name and kind frozen in their runs.
    private async Task DeleteAsync(string id)
    {
        try
        {
            if (Library is { } library) _removal = await library.RemoveAsync(id);
        }
        catch (AccessDeniedException ex)
        {
            _removal = new RemovalOutcome(false, ex.Message);
        }
    }

    private static string ProfileLabel(EncoderProfile p) =>
        $"{p.Pooling} pooling, ≤{p.MaxTokens} tokens{(p.LowerCase ? "" : ", cased")}{(p.QueryPrefix.Length > 0 ? $", query prefix \"{p.QueryPrefix}\"" : "")}{(p.PassagePrefix.Length > 0 ? $", passage prefix \"{p.PassagePrefix}\"" : "")}";

    private static string KindLabel(EmbedderInfo info) =>
        (info.IsGeneral ? "general · " : "task-specific · ") + info.Kind + (info.Origin == EmbedderOrigin.BuiltIn ? "" : $" · {info.Origin.ToString().ToLowerInvariant()}");

    internal static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.0} KiB",
        _ => $"{bytes} B",
    };

    private static string ShortHash(string sha) => sha.Length > 12 ? sha[..12] + "…" : sha;
}
