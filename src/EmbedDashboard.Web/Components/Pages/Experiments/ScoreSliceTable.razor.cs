using System.Globalization;
using EmbedDashboard.Runner.Results;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Experiments;

public partial class ScoreSliceTable
{
    [Parameter, EditorRequired]
    public required SliceTable Table { get; set; }

    [Parameter, EditorRequired]
    public required string TaskSpecificName { get; set; }

    [Parameter, EditorRequired]
    public required string GeneralName { get; set; }

    private static string Percent(double accuracy) => double.IsNaN(accuracy) ? "–" : (100 * accuracy).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
