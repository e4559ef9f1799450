using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// A collection created on first use: <c>if (_timers == null) { _timers = new HashSet&lt;T&gt;(); }</c> before an add.
/// The assignment runs only while the member is null, so it empties nothing; read as a swap to a new collection, it
/// would count as a clear on the add path and hide every add of the method.
/// </summary>
internal static class NullInitializations
{
    // Only the conditionals that enclose the assignment are read, up to the enclosing lambda or local function.
    public static bool RunsOnlyWhenNull(IOperation assignment, ISymbol member)
    {
        IOperation current = assignment;
        for (IOperation? parent = assignment.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (parent is IConditionalOperation conditional && conditional.WhenTrue == current && NullChecks.TestsForNull(conditional.Condition, member, static (tested, symbol) => MemberReferences.Refers(tested, symbol)))
            {
                return true;
            }
        }

        return false;
    }
}
