using System.ComponentModel.DataAnnotations;

namespace EmbedDashboard.Web;

/// <summary>Section "Datasets" of appsettings.json.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Datasets";

    /// <summary>Largest upload accepted; a larger file is refused with its size and the limit.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 100L << 20;
}
