// The peer of make bench-scale: @neo4j/graphql 7.6.3 with Apollo Server
// over the same Neo4j and graph as factgraph. Env: NEO4J_URI, NEO4J_USER,
// NEO4J_PASSWORD, PORT (default 4000).
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const driver = neo4j.driver(
  process.env.NEO4J_URI ?? "bolt://127.0.0.1:7688",
  neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? "factgraph-local"),
);
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT ?? 4000), host: "127.0.0.1" },
  context: async () => ({ sessionConfig: { database: "neo4j" } }),
});
console.log(`peer: @neo4j/graphql at ${url}`);
