using EmbedDashboard.Core.Datasets;

namespace EmbedDashboard.Core.Layers;

/// <summary>
/// One encoder's curves in a layer analysis, indexed by layer (0 = the embedding layer … L = the last transformer layer):
/// the dataset's primary metric at each layer and, for a fine-tuned encoder, how far each layer moved from its base.
/// </summary>
/// <param name="WeightChange">‖W_ft − W_base‖ / ‖W_base‖ over all parameters of the layer (0: the embedding tables and their LayerNorm); null for the base.</param>
/// <param name="CkaToBase">Linear CKA between this encoder's and the base's pooled layer-i embeddings of the same texts; null for the base.</param>
public sealed record LayerModelCurves(
    string EmbedderId,
    string DisplayName,
    bool IsBase,
    IReadOnlyList<double> Metric,
    IReadOnlyList<double>? WeightChange = null,
    IReadOnlyList<double>? CkaToBase = null);

/// <summary>A finished layer analysis: the base model and its fine-tuned descendants side by side on one dataset.</summary>
public sealed record LayerAnalysisResult(
    TaskKind Task,
    string Metric,
    int Items,
    int CkaTexts,
    IReadOnlyList<LayerModelCurves> Models,
    IReadOnlyList<string> Notes);
