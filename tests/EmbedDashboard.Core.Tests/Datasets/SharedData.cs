using EmbedDashboard.Core.Paths;

namespace EmbedDashboard.Core.Tests.Datasets;

/// <summary>Opens a file of ../shared/datasets (public evaluation data), exactly as an upload would be read.</summary>
internal static class SharedData
{
    public static FileStream Open(string relative)
    {
        var folder = AppPaths.SharedDatasets() ?? throw new InvalidOperationException("../shared/datasets next to the repository is missing.");
        return File.OpenRead(Path.Combine(folder, relative));
    }

    public static MemoryStream Text(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));
}
