using EmbedDashboard.Runner.Results;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Experiments;

public partial class VerdictPanel
{
    private VerdictMatrixModel _model = new() { Columns = [], General = [], TaskSpecific = [] };

    [Parameter, EditorRequired]
    public required ExperimentView View { get; set; }

    private IEnumerable<(string Label, IReadOnlyList<VerdictRow> Rows)> Groups
    {
        get
        {
            if (_model.General.Count > 0) yield return ("General embedders", _model.General);
            if (_model.TaskSpecific.Count > 0) yield return ("Task-specific embedders", _model.TaskSpecific);
        }
    }

    protected override void OnParametersSet() => _model = VerdictMatrixModel.Build(View);
}
