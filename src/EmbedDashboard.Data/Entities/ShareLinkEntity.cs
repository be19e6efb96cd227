namespace EmbedDashboard.Data.Entities;

/// <summary>A read-only link to one result page: an unguessable token that can be revoked.</summary>
public sealed class ShareLinkEntity
{
    public int Id { get; set; }

    /// <summary>128 random bits, URL-safe base64.</summary>
    public required string Token { get; set; }

    /// <summary>What is shared, e.g. "experiment".</summary>
    public required string Kind { get; set; }

    public int TargetId { get; set; }

    /// <summary>For pages defined by their address (probes, projections): the query string they were shared with.</summary>
    public string? State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>After this instant the link opens nothing; null: until revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The user who made it (their name), shown to the owner beside the link.</summary>
    public string? CreatedBy { get; set; }
}
