namespace EmbedDashboard.Core.Projections;

/// <summary>How a projection lays out the embeddings in 2 or 3 dimensions.</summary>
public enum ProjectionMethod
{
    Pca,
    Tsne,
    Umap,
}
