// graphql's CommonJS build, the one type-graphql and Apollo Server use at run time. Under vitest a
// plain `import … from "graphql"` in our sources loads the ESM build instead: a second "realm" whose
// instanceof checks refuse the schema's types (and whose GraphQLError Apollo does not recognise).
import { createRequire } from "node:module";

const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");

export const { GraphQLError, defaultFieldResolver, execute, getOperationAST, isObjectType, parse, subscribe, validate } = graphql;
