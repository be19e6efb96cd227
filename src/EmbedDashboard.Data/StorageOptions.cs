using System.ComponentModel.DataAnnotations;

namespace EmbedDashboard.Data;

/// <summary>Section "Storage" of appsettings.json.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>SQLite connection string; a relative Data Source is taken from the repository root.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/embeddashboard.db";
}
