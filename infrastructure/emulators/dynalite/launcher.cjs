// Starts dynalite (same options as its cli.js) and adds the one operation Broadsheet needs that
// dynalite 4.0.0 lacks: TransactWriteItems. Everything else goes to dynalite untouched.
//
// The transaction reuses dynalite's own pieces: its request validations (expression parsing,
// attribute checks) per action, its putItem/updateItem/deleteItem actions to evaluate conditions and
// compute each new item, its per-table item locks, and its index maintenance. Semantics kept:
//  - 1 to 100 actions (Put, Update, Delete, ConditionCheck), at most one action per item;
//  - every item of the transaction is locked (in one global order, so two transactions never
//    deadlock) before anything is read; plain PutItem/UpdateItem/DeleteItem take the same locks, so
//    no other write to those items interleaves;
//  - all conditions are evaluated first; if any fails, nothing is written and the answer is
//    TransactionCanceledException with one CancellationReason per action
//    (ConditionalCheckFailed / None);
//  - then all writes are applied, still under the locks.
// Not modelled: idempotency tokens (ClientRequestToken is accepted and ignored), capacity, item
// collection metrics, and read isolation (a GetItem during the few milliseconds of the apply phase
// may see some writes of the transaction and not others).
'use strict'

const path = require('path')
const home = path.join(__dirname, 'node_modules', 'dynalite')
const argv = require(path.join(__dirname, 'node_modules', 'minimist'))(process.argv.slice(2))
const db = require(path.join(home, 'db', 'index.js'))
const validations = require(path.join(home, 'validations', 'index.js'))
const actions = {
  Put: require(path.join(home, 'actions', 'putItem.js')),
  Update: require(path.join(home, 'actions', 'updateItem.js')),
  Delete: require(path.join(home, 'actions', 'deleteItem.js')),
}
const actionValidations = {
  Put: require(path.join(home, 'validations', 'putItem.js')),
  Update: require(path.join(home, 'validations', 'updateItem.js')),
  Delete: require(path.join(home, 'validations', 'deleteItem.js')),
  // A condition check has the shape of a conditional delete (Key + ConditionExpression).
  ConditionCheck: require(path.join(home, 'validations', 'deleteItem.js')),
}

const TARGET = 'DynamoDB_20120810.TransactWriteItems'
const MAX_ACTIONS = 100
const MAX_REQUEST_BYTES = 16 * 1024 * 1024

// dynalite does not expose its store; capture it when its server creates it.
let store
const create = db.create
db.create = function (options) {
  store = create(options)
  return store
}
const server = require(home)(argv)
db.create = create

const dynaliteHandlers = server.listeners('request')
server.removeAllListeners('request')
server.on('request', function (req, res) {
  if (req.method === 'POST' && req.headers['x-amz-target'] === TARGET) {
    return readBody(req, res, function (body) { transactWriteItems(body, res) })
  }
  dynaliteHandlers.forEach(function (handler) { handler.call(server, req, res) })
})

server.listen(argv.port || 4567, argv.host || undefined, function () {
  const address = server.address()
  console.log('Dynalite (with TransactWriteItems) listening at: http://%s:%s', argv.host || 'localhost', address.port)
})

function readBody (req, res, cb) {
  const chunks = []
  let length = 0
  req.on('data', function (chunk) {
    length += chunk.length
    if (length > MAX_REQUEST_BYTES) {
      req.removeAllListeners()
      res.statusCode = 413
      return res.end()
    }
    chunks.push(chunk)
  })
  req.on('end', function () {
    if (length <= MAX_REQUEST_BYTES) cb(Buffer.concat(chunks).toString())
  })
}

function send (res, status, data) {
  const body = JSON.stringify(data)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/x-amz-json-1.0')
  res.setHeader('Content-Length', Buffer.byteLength(body, 'utf8'))
  res.end(body)
}

function sendError (res, err) {
  if (err && err.statusCode) return send(res, err.statusCode, err.body)
  console.error('[launcher] TransactWriteItems failed:', err)
  send(res, 500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: String(err && err.message) })
}

function validationError (message) {
  return db.validationError(message)
}

function transactWriteItems (body, res) {
  let data
  try {
    data = JSON.parse(body)
  }
  catch {
    return send(res, 400, { __type: 'com.amazon.coral.service#SerializationException' })
  }
  const items = data && data.TransactItems
  if (!Array.isArray(items) || items.length < 1 || items.length > MAX_ACTIONS) {
    return sendError(res, validationError('1 validation error detected: Value at \'transactItems\' failed to satisfy constraint: ' +
      'Member must have length less than or equal to ' + MAX_ACTIONS + ' and greater than or equal to 1'))
  }

  // Validate every action with dynalite's own validations for the matching single-item request.
  const ops = []
  for (const transactItem of items) {
    const kinds = Object.keys(transactItem || {}).filter(function (k) { return actionValidations[k] })
    if (kinds.length !== 1 || Object.keys(transactItem).length !== 1) {
      return sendError(res, validationError('TransactItems can only contain one of Check, Put, Update or Delete'))
    }
    const kind = kinds[0]
    let request = Object.assign({}, transactItem[kind])
    delete request.ReturnValuesOnConditionCheckFailure
    if (kind === 'ConditionCheck' && !request.ConditionExpression) {
      return sendError(res, validationError('ConditionCheck requires a ConditionExpression'))
    }
    try {
      const spec = actionValidations[kind]
      request = validations.checkTypes(request, spec.types)
      validations.checkValidations(request, spec.types, spec.custom, store)
    }
    catch (err) {
      return sendError(res, err)
    }
    ops.push({ kind: kind, request: request })
  }

  loadTables(ops, function (err) {
    if (err) return sendError(res, err)
    const seen = new Set()
    for (const op of ops) {
      const keyAttrs = op.kind === 'Put' ? op.request.Item : op.request.Key
      const invalid = op.kind === 'Put' ? db.validateItem(keyAttrs, op.table) : db.validateKey(keyAttrs, op.table)
      if (invalid) return sendError(res, invalid)
      op.key = db.createKey(keyAttrs, op.table)
      const id = op.request.TableName + '\u0000' + op.key
      if (seen.has(id)) {
        return sendError(res, validationError('Transaction request cannot include multiple operations on one item'))
      }
      seen.add(id)
    }
    lockAll(ops, function (release) {
      const done = release(function (err, result) {
        if (err) return sendError(res, err)
        send(res, 200, result)
      })
      evaluate(ops, function (err, reasons) {
        if (err) return done(err)
        if (reasons.some(function (r) { return r.Code !== 'None' })) {
          return done({
            statusCode: 400,
            body: {
              __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
              message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [' +
                reasons.map(function (r) { return r.Code }).join(', ') + ']',
              CancellationReasons: reasons,
            },
          })
        }
        apply(ops, function (err) { done(err, {}) })
      })
    })
  })
}

function loadTables (ops, cb) {
  let i = 0
  ;(function next (err) {
    if (err) return cb(err)
    if (i === ops.length) return cb()
    const op = ops[i++]
    store.getTable(op.request.TableName, function (err, table) {
      if (err) return cb(err)
      op.table = table
      next()
    })
  })()
}

// Locks every item, one after the other in a global order: two transactions sharing items wait for
// each other instead of deadlocking, and single-item writes (one lock each) cannot deadlock either.
function lockAll (ops, exec) {
  const ordered = ops.slice().sort(function (a, b) {
    const x = a.request.TableName + '\u0000' + a.key, y = b.request.TableName + '\u0000' + b.key
    return x < y ? -1 : x > y ? 1 : 0
  })
  const releases = []
  let i = 0
  ;(function next () {
    if (i === ordered.length) {
      return exec(function (cb) {
        return function () {
          const args = arguments
          // Release in reverse order of acquisition.
          for (let j = releases.length - 1; j >= 0; j--) releases[j](function () {})()
          cb.apply(null, args)
        }
      })
    }
    const op = ordered[i++]
    store.getItemDb(op.request.TableName).lock(op.key, function (release) {
      releases.push(release)
      next()
    })
  })()
}

// Reads each current item and runs dynalite's own action against it in a sandbox that captures the
// resulting item instead of storing it: the condition is checked and the update applied exactly as
// a single-item request would.
function evaluate (ops, cb) {
  const reasons = []
  let i = 0
  ;(function next () {
    if (i === ops.length) return cb(null, reasons)
    const op = ops[i++]
    store.getItemDb(op.request.TableName).get(op.key, function (err, current) {
      if (err && err.name !== 'NotFoundError') return cb(err)
      op.oldItem = err ? undefined : current
      if (op.kind === 'ConditionCheck') {
        const failed = db.checkConditional(op.request, op.oldItem)
        reasons.push(failed ? conditionFailed() : { Code: 'None' })
        return next()
      }
      actions[op.kind](sandbox(op), op.request, function (err) {
        if (err && err.body && /ConditionalCheckFailedException$/.test(err.body.__type)) {
          reasons.push(conditionFailed())
          return next()
        }
        if (err) return cb(err)
        reasons.push({ Code: 'None' })
        next()
      })
    })
  })()
}

function conditionFailed () {
  return { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }
}

function sandbox (op) {
  const itemDb = {
    lock: function (key, exec) { exec(function (cb) { return cb }) },
    get: function (key, cb) {
      if (op.oldItem === undefined) {
        const missing = new Error('NotFound')
        missing.name = 'NotFoundError'
        return cb(missing)
      }
      cb(null, JSON.parse(JSON.stringify(op.oldItem)))
    },
    put: function (key, item, cb) { op.newItem = item; cb() },
    del: function (key, cb) { op.newItem = null; cb() },
  }
  const noIndex = { put: function (k, v, cb) { cb() }, del: function (k, cb) { cb() } }
  return {
    options: store.options,
    getTable: function (name, checkStatus, cb) { (cb || checkStatus)(null, op.table) },
    getItemDb: function () { return itemDb },
    getIndexDb: function () { return noIndex },
  }
}

function apply (ops, cb) {
  let i = 0
  ;(function next (err) {
    if (err) return cb(err)
    if (i === ops.length) return cb()
    const op = ops[i++]
    if (op.kind === 'ConditionCheck') return next()
    const itemDb = store.getItemDb(op.request.TableName)
    db.updateIndexes(store, op.table, op.oldItem, op.newItem, function (err) {
      if (err) return cb(err)
      if (op.newItem) itemDb.put(op.key, op.newItem, next)
      else itemDb.del(op.key, next)
    })
  })()
}
