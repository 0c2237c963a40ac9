import {
  GraphQLError, Kind, getNamedType, getNullableType, isListType, isObjectType, isInterfaceType,
  type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLObjectType, type SelectionSetNode, type ValidationContext, type ValidationRule,
} from 'graphql';

/** Lists without a `first` argument are assumed to return this many items. */
export const DEFAULT_LIST_SIZE = 20;

/**
 * Refuses queries whose estimated cost is above `maxCost`: every field costs 1, times the sizes
 * of the lists around it (`first` when given). Stops "all territories × all children × all
 * series" requests before they reach the database.
 */
export function complexityLimitRule(maxCost: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const schema = context.getSchema();
    const costOf = (selectionSet: SelectionSetNode, parent: GraphQLObjectType, multiplier: number, seen: Set<string>, pageSize?: number): number => {
      let cost = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          cost += fieldCost(selection, parent, multiplier, seen, pageSize);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const typeName = selection.typeCondition?.name.value;
          const type = typeName ? schema.getType(typeName) : parent;
          if (isObjectType(type)) cost += costOf(selection.selectionSet, type, multiplier, seen, pageSize);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || seen.has(selection.name.value)) continue;
          const type = schema.getType(fragment.typeCondition.name.value);
          if (isObjectType(type)) cost += costOf(fragment.selectionSet, type, multiplier, new Set([...seen, selection.name.value]), pageSize);
        }
      }
      return cost;
    };
    // A connection field (`territories(first: 500)`) passes its page size to its list fields (`edges`).
    const fieldCost = (node: FieldNode, parent: GraphQLObjectType, multiplier: number, seen: Set<string>, pageSize?: number): number => {
      if (node.name.value.startsWith('__')) return 0;
      const field: GraphQLField<unknown, unknown> | undefined = parent.getFields()[node.name.value];
      if (!field) return 0;
      const firstArg = node.arguments?.find((arg) => arg.name.value === 'first');
      const first = firstArg && firstArg.value.kind === Kind.INT ? Number(firstArg.value.value) : undefined;
      const isList = isListType(getNullableType(field.type));
      const size = isList ? (first ?? pageSize ?? DEFAULT_LIST_SIZE) : 1;
      const own = multiplier;
      const named = getNamedType(field.type);
      if (!node.selectionSet || !(isObjectType(named) || isInterfaceType(named))) return own;
      return own + (isObjectType(named) ? costOf(node.selectionSet, named, multiplier * size, seen, isList ? undefined : first) : 0);
    };
    return {
      OperationDefinition(node) {
        const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        if (!root) return;
        const cost = costOf(node.selectionSet, root, 1, new Set());
        if (cost > maxCost) {
          context.reportError(new GraphQLError(`Query is too complex: estimated cost ${cost}, the limit is ${maxCost}. Ask for fewer fields or smaller pages (first).`, { nodes: [node] }));
        }
      },
    };
  };
}
