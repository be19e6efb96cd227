using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace EmbedDashboard.Web.Components.Sharing;

/// <summary>
/// The page state a share link froze on the server (a page address with its query, e.g. "probes?q=ugly&amp;k=10"),
/// read back for the shared view. Keys that only steer a live page (run, shared) are never frozen.
/// </summary>
public sealed class FrozenState(Dictionary<string, StringValues> values)
{
    private static readonly string[] Transient = ["run", "shared"];

    public static FrozenState Parse(string? state) => new(QueryHelpers.ParseQuery(QueryOf(state)));

    /// <summary>The "?…" part of a frozen address ("" when it has none).</summary>
    public static string QueryOf(string? state) => state is null ? "" : state.IndexOf('?') is var i and >= 0 ? state[i..] : "";

    /// <summary>What to freeze for the page now at <paramref name="relativeAddress"/>: its path and query without the transient keys.</summary>
    public static string Canonical(string relativeAddress)
    {
        var path = relativeAddress.Split('?', 2)[0];
        var query = QueryHelpers.ParseQuery(QueryOf(relativeAddress)).Where(kv => !Transient.Contains(kv.Key, StringComparer.OrdinalIgnoreCase));
        return QueryHelpers.AddQueryString(path, query.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.ToString())));
    }

    public string? Get(string key) => values.TryGetValue(key, out var v) ? v.ToString() : null;

    public int? GetInt(string key) => int.TryParse(Get(key), out var i) ? i : null;
}
