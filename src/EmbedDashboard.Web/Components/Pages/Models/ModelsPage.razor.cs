using EmbedDashboard.Core.Embeddings;
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

    // Removes it from the registry and deletes models/trained/<id>; results of past runs keep its id and hash.
    private void Delete(string id) => Catalog?.Delete(id);

    private static string KindLabel(EmbedderInfo info) =>
        (info.IsGeneral ? "general · " : "task-specific · ") + info.Kind;

    internal static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.0} KiB",
        _ => $"{bytes} B",
    };

    private static string ShortHash(string sha) => sha.Length > 12 ? sha[..12] + "…" : sha;
}
