// Validates an OpenAPI document with @apidevtools/swagger-parser (schema
// and semantics: references, path parameters, unique operation ids).
// Usage: node tools/validate-openapi.js FILE; exits 1 with the reason if
// the document is not valid.
"use strict";
const SwaggerParser = require("@apidevtools/swagger-parser");

const file = process.argv[2];
SwaggerParser.validate(file)
  .then((api) => {
    const operations = Object.values(api.paths)
      .flatMap((item) => Object.keys(item)).length;
    console.log(`valid: ${api.info.title} ${api.info.version}, ` +
                `${Object.keys(api.paths).length} paths, ${operations} operations`);
  })
  .catch((err) => {
    console.error(`invalid: ${err.message}`);
    process.exit(1);
  });
